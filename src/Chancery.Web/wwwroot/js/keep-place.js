// A button with data-keep-place (add, remove or move a leg) posts the form and the page comes back
// re-rendered at its top. Without script its formaction's anchor (#legs) brings the reader back to the
// rows; with it, the page comes back exactly where it was.
const key = 'chancery:keep-place';

document.addEventListener('submit', event => {
    if (event.submitter?.hasAttribute('data-keep-place'))
        sessionStorage.setItem(key, JSON.stringify({ path: location.pathname, y: window.scrollY }));
});

const kept = JSON.parse(sessionStorage.getItem(key) || 'null');
sessionStorage.removeItem(key);
if (kept && kept.path === location.pathname) {
    // After the browser's own jump to the anchor, which happens as the page finishes loading.
    const restore = () => requestAnimationFrame(() => window.scrollTo(0, kept.y));
    if (document.readyState === 'complete') restore();
    else window.addEventListener('load', restore, { once: true });
}
