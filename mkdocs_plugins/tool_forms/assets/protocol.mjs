// The message format between the page and the tools worker. Only this module
// knows it; both sides import it. Only JSON strings cross into Python.
//
//   page → worker: {id, type: "init", pyodideUrl, archiveUrl}
//                  {id, type: "call", request}            request: a JSON string
//   worker → page: {type: "progress", text}
//                  {id, type: "ready"}
//                  {id, type: "result", response}         response: a JSON string
//                  {id, type: "fatal", message}

export const INIT = "init";
export const CALL = "call";
export const PROGRESS = "progress";
export const READY = "ready";
export const RESULT = "result";
export const FATAL = "fatal";

export const initMessage = (id, pyodideUrl, archiveUrl) => ({ id, type: INIT, pyodideUrl, archiveUrl });
export const callMessage = (id, request) => ({ id, type: CALL, request });
export const progressMessage = (text) => ({ type: PROGRESS, text });
export const readyMessage = (id) => ({ id, type: READY });
export const resultMessage = (id, response) => ({ id, type: RESULT, response });
export const fatalMessage = (id, message) => ({ id, type: FATAL, message });

/** Sends messages to a worker and matches each reply to its request by id. */
export class Channel {
  constructor(worker, onProgress) {
    this.worker = worker;
    this.nextId = 1;
    this.pending = new Map();
    worker.addEventListener("message", (event) => {
      const message = event.data || {};
      if (message.type === PROGRESS) {
        onProgress(message.text);
        return;
      }
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.type === FATAL) waiting.reject(new Error(message.message));
      else waiting.resolve(message.type === RESULT ? message.response : null);
    });
  }

  send(build) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(build(id));
    });
  }

  /** Fail every request still waiting (the worker died or was stopped). */
  failAll(error) {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
