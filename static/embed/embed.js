// embed.html: one interview for hosts that cannot load scripts, in an iframe.
//   <iframe src=".../embed.html?src=interview.json&theme=dark" title="Interview" data-interview-viewer></iframe>
// Query parameters become the element's attributes: ?src= as link-src, since a link chose it
// (only this page's origin, or one the publisher allows; see SECURITY.md); the interview titles
// the page. The page posts its height to the parent as { type: "interview-viewer:height", height }
// whenever it changes, so the host can size the frame.
const viewer = document.getElementById("viewer");
const params = new URLSearchParams(location.search);
for (const [param, attribute] of [["src", "link-src"], ["theme", "theme"], ["heading-level", "heading-level"], ["search", "search"], ["share", "share"]]) {
  const value = params.get(param);
  if (value !== null) viewer.setAttribute(attribute, value);
}

let last = 0;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: "interview-viewer:height", height }, "*");
  }
}
new ResizeObserver(postHeight).observe(document.documentElement);
postHeight();
