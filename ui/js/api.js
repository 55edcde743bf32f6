// Calls the app's commands. Errors arrive as {code, message}.

function tauri() {
  if (!window.__TAURI__ || !window.__TAURI__.core) {
    throw { code: "no_backend", message: "LOI Drafter's engine is not available in this window." };
  }
  return window.__TAURI__.core;
}

export async function call(command, args = {}) {
  try {
    return await tauri().invoke(command, args);
  } catch (e) {
    if (e && typeof e === "object" && "message" in e) throw e;
    throw { code: "error", message: String(e) };
  }
}

// Waits until the library is open (it opens in the background at start-up).
export async function ready() {
  for (let i = 0; i < 600; i++) {
    const info = await call("app_info");
    if (info.ready) return info;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw { code: "timeout", message: "The library took too long to open." };
}
