// A chart's readout: the day or column under the pointer, or the one last tapped, as its data-tip says it. One listener
// for the whole document, so a chart needs no per-mark element or interop call: a <title> per square or column was one
// more element each (365 on the activity calendar) for the browser to build before a page was usable.
(() => {
  const show = event => {
    const mark = event.target instanceof Element ? event.target.closest("[data-tip]") : null;
    const chart = mark?.closest("[data-tips]");
    const readout = chart?.querySelector("[data-tips-readout]");
    if (readout) {
      readout.textContent = mark.dataset.tip;
    }
    // A day's mark (data-date) also points the chart's "Open this day" link at that day.
    const day = chart?.querySelector("[data-tips-day]");
    if (day && mark.dataset.date) {
      day.href = "/days/" + mark.dataset.date;
    }
  };
  document.addEventListener("pointerover", show);
  document.addEventListener("click", show);
})();
