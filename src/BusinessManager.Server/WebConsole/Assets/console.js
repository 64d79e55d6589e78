// The console works without JavaScript; this only adds the copy button for the business id.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button.copy");
  if (!button) return;
  const status = button.parentElement.querySelector(".copied");
  try {
    await navigator.clipboard.writeText(button.dataset.copy);
    if (status) status.textContent = "Copied " + button.dataset.copy;
  } catch {
    if (status) status.textContent = "Copy failed: select the id and copy it by hand.";
  }
});
