// The chat page: send, stream (server-sent events over fetch), stop, estimate, receipts, rename/delete.
// Stored messages arrive rendered and sanitised by the server; streamed text is shown as plain text until
// the reply is done, then replaced by the server's rendering.
(() => {
  "use strict";
  const root = document.querySelector(".chat");
  if (!root) return;

  const $ = (selector) => document.querySelector(selector);
  const messagesEl = $("#messages");
  const prompt = $("#prompt");
  const modelSelect = $("#model");
  const sendButton = $("#send");
  const stopButton = $("#stop");
  const estimateEl = $("#estimate");
  const errorEl = $("#chat-error");
  const receipt = $("#receipt");
  const messages = new Map(JSON.parse($("#messages-data").textContent || "[]").map((m) => [m.id, m]));
  let conversationId = root.dataset.conversationId || null;
  let controller = null;

  const MICROS = 1_000_000;
  const credits = (micros) => (micros / MICROS).toLocaleString("en", { maximumFractionDigits: 6 });

  // The model choice is remembered between visits.
  const remembered = localStorage.getItem("caicaini.model");
  if (remembered && [...modelSelect.options].some((o) => o.value === remembered)) modelSelect.value = remembered;
  modelSelect.addEventListener("change", () => { localStorage.setItem("caicaini.model", modelSelect.value); estimateSoon(); });

  async function api(method, url, body) {
    const response = await fetch(url, {
      method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
      credentials: "same-origin",
    });
    const isJson = (response.headers.get("content-type") || "").includes("json");
    return { response, data: isJson ? await response.json() : null };
  }

  // Live estimate while typing.
  let estimateTimer = 0;
  function estimateSoon() {
    clearTimeout(estimateTimer);
    estimateTimer = setTimeout(estimate, 300);
  }
  async function estimate() {
    const text = prompt.value.trim();
    if (!text) { estimateEl.textContent = ""; return; }
    const { response, data } = await api("POST", "/api/conversations/estimate", { text, model: modelSelect.value, conversationId });
    if (!response.ok) { estimateEl.textContent = data?.detail ?? ""; return; }
    const model = [...modelSelect.options].find((o) => o.value === data.modelId)?.textContent ?? data.modelId;
    estimateEl.textContent = `≈ ${credits(data.minMicros)}–${credits(data.typicalMicros)} credits on ${model} (at most ${credits(data.maxMicros)}); ${data.inputTokens} input tokens.` +
      (data.reason ? ` ${data.reason}` : "");
  }
  prompt.addEventListener("input", estimateSoon);

  // Enter sends, Shift+Enter is a new line.
  prompt.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("#composer").requestSubmit();
    }
  });

  function bubble(role, id) {
    const li = document.createElement("li");
    li.className = `message ${role}`;
    li.tabIndex = 0;
    if (id) li.dataset.id = id;
    const body = document.createElement("div");
    body.className = "message-body";
    li.append(body);
    messagesEl.append(li);
    li.scrollIntoView({ block: "end" });
    return li;
  }

  function finish(li, message) {
    messages.set(message.id, message);
    li.dataset.id = message.id;
    li.dataset.status = message.status;
    li.querySelector(".message-body").innerHTML = message.contentHtml; // sanitised by the server
    let line = li.querySelector(".message-line");
    if (!line) { line = document.createElement("p"); line.className = "message-line muted"; li.append(line); }
    line.textContent = `${message.modelUsed} · ${message.inputTokens} in / ${message.outputTokens} out · ${credits(message.costMicros)} credits` +
      (message.status !== "completed" ? ` · ${message.status}` : "");
    addCopyButtons(li);
  }

  function showBalance(subscription, topUp) {
    $("#balance").textContent = credits(subscription + topUp);
    $("#balance-subscription").textContent = credits(subscription);
    $("#balance-topup").textContent = credits(topUp);
  }

  async function ensureConversation() {
    if (conversationId) return conversationId;
    const { response, data } = await api("POST", "/api/conversations", {});
    if (!response.ok) throw new Error(data?.detail ?? "Could not start a conversation.");
    conversationId = data.id;
    root.dataset.conversationId = data.id;
    history.replaceState(null, "", `/chat/${data.id}`);
    return conversationId;
  }

  $("#composer").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = prompt.value.trim();
    if (!text || controller) return;
    errorEl.textContent = "";
    const id = await ensureConversation();
    const mine = bubble("user");
    mine.querySelector(".message-body").textContent = text;
    prompt.value = "";
    estimateEl.textContent = "";
    const reply = bubble("assistant");
    reply.dataset.status = "streaming";
    const body = reply.querySelector(".message-body");

    controller = new AbortController();
    sendButton.disabled = true;
    stopButton.hidden = false;
    let replyId = null;
    try {
      const response = await fetch(`/api/conversations/${id}/messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify({ text, model: modelSelect.value }),
        signal: controller.signal,
        credentials: "same-origin",
      });
      if (!(response.headers.get("content-type") || "").startsWith("text/event-stream")) {
        const problem = await response.json().catch(() => ({}));
        errorEl.textContent = problem.detail ?? `The message could not be sent (${response.status}).`;
        mine.remove();
        reply.remove();
        prompt.value = text;
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const raw = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(raw)?.[1];
          const data = JSON.parse(/^data: (.*)$/m.exec(raw)?.[1] ?? "null");
          if (name === "start") { replyId = data.messageId; reply.dataset.id = replyId; mine.dataset.id = data.userMessageId; }
          else if (name === "delta") { body.textContent += data.text; }
          else if (name === "done") { finish(reply, data.message); showBalance(data.subscriptionMicros, data.topUpMicros); }
          else if (name === "error") { finish(reply, data.message); errorEl.textContent = data.detail; }
        }
      }
    } catch (error) {
      if (error.name !== "AbortError") errorEl.textContent = "The connection dropped. What arrived is kept; you were charged only for it.";
    } finally {
      controller = null;
      sendButton.disabled = false;
      stopButton.hidden = true;
      if (reply.dataset.status === "streaming" && replyId) await refreshAfterStop(reply, replyId);
    }
  });

  // Stop: hang up; the server cancels the model, charges what was delivered, and stores the receipt.
  stopButton.addEventListener("click", () => controller?.abort());

  async function refreshAfterStop(li, id) {
    for (let attempt = 0; attempt < 40; attempt++) {
      const { response, data } = await api("GET", `/api/conversations/${conversationId}`);
      const message = response.ok ? data.messages.find((m) => m.id === id) : null;
      if (message && message.status !== "streaming") {
        finish(li, message);
        const balance = await api("GET", "/api/billing/balance");
        if (balance.response.ok) showBalance(balance.data.subscriptionMicros, balance.data.topUpMicros);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  // Receipts: click (or Enter on) an assistant message.
  function openReceipt(id) {
    const m = messages.get(id);
    if (!m || m.role !== "assistant") return;
    const set = (field, value) => { receipt.querySelector(`[data-field="${field}"]`).textContent = value ?? "—"; };
    set("inputTokens", m.inputTokens + (m.cacheReadTokens ? ` (+${m.cacheReadTokens} from cache)` : ""));
    set("outputTokens", m.outputTokens);
    set("modelUsed", m.modelUsed);
    set("requestedModel", m.requestedModel);
    set("routerReason", m.routerReason);
    set("cost", `${credits(m.costMicros)} credits`);
    set("fromSubscription", credits(m.fromSubscriptionMicros));
    set("fromTopUp", credits(m.fromTopUpMicros));
    set("sonnetCost", m.sonnetCostMicros == null ? null : `${credits(m.sonnetCostMicros)} credits`);
    set("opusCost", m.opusCostMicros == null ? null : `${credits(m.opusCostMicros)} credits`);
    set("usageSource", m.usageSource === "estimated" ? "estimated by us (the provider reported none)" : "reported by the provider");
    set("status", m.status);
    set("note", m.note);
    set("billingReference", m.billingReference);
    receipt.dataset.messageId = id;
    receipt.hidden = false;
  }
  messagesEl.addEventListener("click", (event) => {
    if (event.target.closest("button")) return;
    const li = event.target.closest(".message.assistant");
    if (li?.dataset.id) openReceipt(li.dataset.id);
  });
  messagesEl.addEventListener("keydown", (event) => {
    const li = event.target.closest(".message.assistant");
    if (event.key === "Enter" && li?.dataset.id) openReceipt(li.dataset.id);
  });
  $("#close-receipt").addEventListener("click", () => { receipt.hidden = true; });

  // Copy buttons on code blocks.
  function addCopyButtons(scope) {
    scope.querySelectorAll("pre > code").forEach((code) => {
      const pre = code.parentElement;
      if (pre.querySelector(".copy")) return;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "copy secondary";
      button.textContent = "Copy";
      button.addEventListener("click", async () => {
        await navigator.clipboard?.writeText(code.innerText);
        button.textContent = "Copied";
        setTimeout(() => { button.textContent = "Copy"; }, 1500);
      });
      pre.prepend(button);
    });
  }
  addCopyButtons(messagesEl);

  // Sidebar: new, rename, delete (with confirmation and the purge receipt).
  $("#new-conversation").addEventListener("click", async () => {
    const { response, data } = await api("POST", "/api/conversations", {});
    if (response.ok) location.href = `/chat/${data.id}`;
  });
  document.querySelectorAll(".conversation-menu .rename").forEach((button) => button.addEventListener("click", async () => {
    const li = button.closest("li");
    const title = window.prompt("New title", li.querySelector(".conversation-title").textContent);
    if (!title) return;
    const { response, data } = await api("PATCH", `/api/conversations/${button.dataset.id}`, { title });
    if (response.ok) li.querySelector(".conversation-title").textContent = data.title;
    else errorEl.textContent = data?.detail ?? "Could not rename.";
  }));
  document.querySelectorAll(".conversation-menu .delete").forEach((button) => button.addEventListener("click", async () => {
    if (!window.confirm("Delete this conversation? It disappears now and is erased from our database within 24 hours.")) return;
    const { response, data } = await api("DELETE", `/api/conversations/${button.dataset.id}`);
    if (!response.ok) { errorEl.textContent = data?.detail ?? "Could not delete."; return; }
    button.closest("li").remove();
    const when = (iso) => new Date(iso).toLocaleString();
    $("#deletion-receipt").textContent = `Deleted at ${when(data.deletedAt)}; purged from the database by ${when(data.purgeBy)}.`;
    if (button.dataset.id === conversationId) {
      conversationId = null;
      root.dataset.conversationId = "";
      messagesEl.replaceChildren();
      history.replaceState(null, "", "/chat");
    }
  }));
})();
