// The activity calendar's readout: the day under the pointer, or the day last tapped, as its square's data-tip says it.
// One listener for the whole document, so the calendar needs no per-square element or interop call: a <title> per
// square was 365 more elements for the browser to build before the page was usable.
(() => {
  const show = event => {
    const day = event.target instanceof Element ? event.target.closest("rect[data-tip]") : null;
    const readout = day?.closest("[data-heatmap]")?.querySelector("[data-heatmap-readout]");
    if (readout) {
      readout.textContent = day.dataset.tip;
    }
  };
  document.addEventListener("pointerover", show);
  document.addEventListener("click", show);
})();
