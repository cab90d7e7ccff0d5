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
}
