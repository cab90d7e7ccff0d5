namespace ProjectTracker.Web.Tests.Browser;

/// <summary>Scripts evaluated in the page to explain a layout failure.</summary>
public static class Layout
{
    /// <summary>The outermost elements whose right edge is past the window's, as <c>tag#id.class (right px)</c>.</summary>
    public const string WiderThanTheWindow = """
        () => {
          const width = window.innerWidth;
          const wide = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5);
          return wide
            .filter(e => !wide.includes(e.parentElement))
            .slice(0, 10)
            .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.classList.length ? '.' + [...e.classList].join('.') : ''}`
              + `${e.dataset.testid ? '[' + e.dataset.testid + ']' : ''} (${Math.round(e.getBoundingClientRect().right)} px)`);
        }
        """;

    /// <summary>
    /// Tables whose content is wider than the box that shows it (hidden columns behind a sideways scroll): their test id
    /// or class with the two widths.
    /// </summary>
    public const string TablesWiderThanTheirBox = """
        () => [...document.querySelectorAll('.mud-table-container, table')]
          .filter(e => e.scrollWidth > e.clientWidth + 1)
          .map(e => {
            const owner = e.closest('[data-testid]');
            return `${owner ? owner.dataset.testid : e.className || e.tagName.toLowerCase()}: ${e.scrollWidth} px of content in ${e.clientWidth} px`;
          })
        """;

    /// <summary>
    /// Every text of every chart (axis labels, month names, legends; not the screen readers' hidden table or the readout)
    /// that the page does not show whole: scrolled to, the element at the text's centre (<c>elementFromPoint</c>) is not
    /// the text's own, or a clipping box around it cuts it, or it runs off the window. As <c>"text" in chart: why</c>.
    /// </summary>
    public const string ChartTextNotShown = """
        () => {
          const problems = [];
          const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
          const texts = [];
          for (const chart of document.querySelectorAll('figure[data-testid]')) {
            const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const e = n.parentElement;
              if (n.textContent.trim() && shown(e) && !e.closest('figcaption, [data-tips-readout], [style*="clip: rect"]')) texts.push(n);
            }
          }
          for (const n of texts) {
            const e = n.parentElement;
            const range = document.createRange();
            range.selectNodeContents(n);
            e.scrollIntoView({ block: 'center', inline: 'nearest' });
            const r = range.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            const name = `"${n.textContent.trim().slice(0, 30)}" in ${e.closest('[data-testid]')?.dataset.testid}`;
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            if (!hit || !(hit === e || e.contains(hit))) {
              problems.push(`${name}: covered by ${hit ? hit.tagName.toLowerCase() + [...hit.classList].map(c => '.' + c).join('') : 'nothing'}`);
              continue;
            }
            if (r.left < -0.5 || r.right > window.innerWidth + 0.5) problems.push(`${name}: off the window`);
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
              const s = getComputedStyle(a);
              if (s.overflowX === 'visible' && s.overflowY === 'visible' && !s.contain.includes('paint') && !s.contentVisibility.includes('auto')) continue;
              const b = a.getBoundingClientRect();
              if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5) {
                problems.push(`${name}: cut by its ${a.tagName.toLowerCase()} box (text ${Math.round(r.top)}–${Math.round(r.bottom)} px, box ${Math.round(b.top)}–${Math.round(b.bottom)} px)`);
                break;
              }
            }
          }
          window.scrollTo(0, 0);
          return problems;
        }
        """;

    /// <summary>The headline tiles whose value breaks over more than one line, as <c>test-id: value</c>.</summary>
    public const string TileValuesOnTwoLines = """
        () => [...document.querySelectorAll('[data-testid$="-value"]')]
          .filter(e => {
            const range = document.createRange();
            range.selectNodeContents(e);
            return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
          })
          .map(e => `${e.dataset.testid}: ${e.textContent.trim()}`)
        """;
}
