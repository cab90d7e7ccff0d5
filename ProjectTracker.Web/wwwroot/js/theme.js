// The dark-mode choice, remembered in localStorage and mirrored in a cookie so the server's prerender draws the
// right theme from the first paint (no flash of the light theme).
const key = "pt-theme";
const year = 60 * 60 * 24 * 365;

export function load() {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: fall back to the system preference
  }
}

export function save(mode) {
  try {
    localStorage.setItem(key, mode);
  } catch {
    // storage disabled: the cookie still remembers the choice
  }
  document.cookie = `${key}=${mode}; path=/; max-age=${year}; samesite=lax`;
}
