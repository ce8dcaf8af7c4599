self.addEventListener("message", async (event) => {
  const { loadPyodide } = await import(new URL("pyodide.mjs", event.data).href);
  await loadPyodide({ indexURL: event.data });
  self.postMessage("ready");
});
