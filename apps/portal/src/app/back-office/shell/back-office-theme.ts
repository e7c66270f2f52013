const THEME_HREF = 'back-office-theme.css';

/**
 * Adds the back office's Material theme (a stylesheet built apart, see angular.json) to the
 * page the first time a staff area opens. The parents' pages never ask for it.
 */
export function loadBackOfficeTheme(doc: Document): void {
  if (doc.querySelector(`link[data-ard-theme]`)) return;
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = THEME_HREF;
  link.dataset['ardTheme'] = 'back-office';
  doc.head.appendChild(link);
}
