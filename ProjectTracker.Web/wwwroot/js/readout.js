// A chart's readout: the day or column under the pointer, or the one last tapped, as its data-tip says it. One listener
// for the whole document, so a chart needs no per-mark element or interop call: a <title> per square or column was one
// more element each (365 on the activity calendar) for the browser to build before a page was usable.
(() => {
  const show = event => {
    const mark = event.target instanceof Element ? event.target.closest("[data-tip]") : null;
    const readout = mark?.closest("[data-tips]")?.querySelector("[data-tips-readout]");
    if (readout) {
      readout.textContent = mark.dataset.tip;
    }
  };
  document.addEventListener("pointerover", show);
  document.addEventListener("click", show);
})();
