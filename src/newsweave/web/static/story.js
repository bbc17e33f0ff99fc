// Story page behaviour. No inline script anywhere: the Content-Security-Policy allows only
// scripts served from /static. Text is moved with textContent, never innerHTML.
"use strict";

// A citation [n:s] shows the sentence it cites under the summary line, and flashes it in its
// column. Without this script the link opens the article page at that sentence.
function showCitation(link) {
  const target = document.getElementById(link.dataset.target);
  if (!target) {
    return false;
  }
  const item = link.closest("li");
  let box = item.querySelector(".cite-box");
  if (box && !box.hidden && box.dataset.target === link.dataset.target) {
    box.hidden = true;
    link.setAttribute("aria-expanded", "false");
    return true;
  }
  if (!box) {
    box = document.createElement("blockquote");
    box.className = "cite-box";
    box.setAttribute("role", "note");
    item.appendChild(box);
  }
  item.querySelectorAll("a.cite[aria-expanded=true]").forEach((a) => a.setAttribute("aria-expanded", "false"));
  link.setAttribute("aria-expanded", "true");
  box.dataset.target = link.dataset.target;
  const label = document.createElement("cite");
  label.textContent = `${link.dataset.source}, sentence ${link.dataset.sentence}`;
  const text = document.createElement("p");
  text.className = "cited-sentence";
  text.textContent = target.textContent;
  const open = document.createElement("a");
  open.href = link.href;
  open.textContent = "read it in the article →";
  box.replaceChildren(label, text, open);
  box.hidden = false;
  target.classList.remove("flash");
  void target.offsetWidth; // restart the animation
  target.classList.add("flash");
  return true;
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a.cite");
  if (link && showCitation(link)) {
    event.preventDefault();
  }
});

// Hovering a highlighted sentence lights up the same claim in every column and in the matrix.
function lightClaim(event, on) {
  const el = event.target.closest("[data-claim]");
  if (!el) {
    return;
  }
  const selector = `[data-claim="${CSS.escape(el.dataset.claim)}"]`;
  document.querySelectorAll(selector).forEach((other) => other.classList.toggle("hot", on));
}

document.addEventListener("mouseover", (event) => lightClaim(event, true));
document.addEventListener("mouseout", (event) => lightClaim(event, false));
