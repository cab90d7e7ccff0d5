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
}
