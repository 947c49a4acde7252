// The waiting hall's board: every ten seconds it reads the called tickets
// again and shows them in place, without reloading the page; a button
// pauses and resumes the updates. Without JavaScript the board still shows
// the tickets as they were when the page was loaded.
(function () {
  "use strict";
  var board = document.getElementById("board");
  if (!board) {
    return;
  }
  var paused = false;
  var button = document.createElement("button");
  button.type = "button";
  button.id = "board-pause";
  button.className = "button button--secondary";
  button.textContent = board.getAttribute("data-pause") || "Pause";
  button.setAttribute("aria-pressed", "false");
  button.addEventListener("click", function () {
    paused = !paused;
    button.setAttribute("aria-pressed", paused ? "true" : "false");
  });
  board.parentNode.insertBefore(button, board.nextSibling);
  window.setInterval(function () {
    if (paused) {
      return;
    }
    fetch(window.location.href, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("board");
        if (fresh && fresh.innerHTML !== board.innerHTML) {
          board.innerHTML = fresh.innerHTML;
        }
      })
      .catch(function () {});
  }, 10000);
})();
