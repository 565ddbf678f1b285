// The page's script (vanilla DOM, no dependencies). It sends the input to POST /api/analyze, swaps in the
// report the server renders at /r/:id (escaped there, by the same pieces as the HTML report), makes that
// URL the page's own (history.pushState), and opens a reused sentence's source beside it from
// GET /api/documents/:id. Article text is only ever set with textContent here, never as markup.

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

const form = $<HTMLFormElement>('intake');
const input = $<HTMLTextAreaElement>('input');
const fileInput = $<HTMLInputElement>('file');
const statusLine = $<HTMLElement>('status');
const button = $<HTMLButtonElement>('go');

// What a loaded file is, by its extension; typing into the box forgets it.
let fileKind: 'html' | 'text' | null = null;

function say(message: string, error = false): void {
  if (!statusLine) return;
  statusLine.textContent = message;
  statusLine.classList.toggle('error', error);
}

type Body = { text: string } | { html: string } | { url: string };

/** One box, three ways in: a single web address, HTML (a file's extension or a leading tag), or text. */
export function requestBody(value: string, kind: 'html' | 'text' | null): Body {
  const v = value.trim();
  if (kind === 'html') return { html: value };
  if (kind === 'text') return { text: value };
  if (/^https?:\/\/\S+$/i.test(v)) return { url: v };
  if (/^<(!doctype|html|head|body|article|main|div|p|meta|title|section|h1)\b/i.test(v)) return { html: value };
  return { text: value };
}

async function readFile(file: File): Promise<void> {
  if (!input) return;
  const html = /\.html?$/i.test(file.name) || file.type === 'text/html';
  if (!html && !/\.txt$/i.test(file.name) && file.type !== 'text/plain') {
    say(`${file.name}: only .html and .txt files can be read here`, true);
    return;
  }
  input.value = await file.text();
  fileKind = html ? 'html' : 'text';
  say(`${file.name} loaded (${html ? 'HTML' : 'text'}) — press Analyze`);
}

/** Replaces the result area with the one in a page the server rendered (/r/:id). */
function showPage(htmlText: string): void {
  const doc = new DOMParser().parseFromString(htmlText, 'text/html');
  const fresh = doc.getElementById('result');
  const current = $('result');
  if (!fresh || !current) throw new Error('the server sent a page without a report');
  current.replaceWith(document.adoptNode(fresh));
  document.title = doc.title;
}

async function loadReport(id: string, push: boolean): Promise<void> {
  const path = `/r/${encodeURIComponent(id)}`;
  const res = await fetch(path, { headers: { Accept: 'text/html' } });
  if (!res.ok && res.status !== 404) throw new Error(`${res.status} ${res.statusText}`);
  showPage(await res.text());
  if (push) history.pushState({ id }, '', path);
  const h = document.querySelector<HTMLElement>('#result h1');
  if (h) {
    h.tabIndex = -1;
    h.focus({ preventScroll: true });
    h.scrollIntoView({ block: 'start' });
  }
}

async function analyze(): Promise<void> {
  if (!input || !button) return;
  if (!input.value.trim()) {
    say('Paste an article, a page or a URL first, or drop a file.', true);
    input.focus();
    return;
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = $<HTMLInputElement>('token')?.value.trim();
  if (token) headers.Authorization = `Bearer ${token}`;
  button.disabled = true;
  const started = Date.now();
  say('Analyzing…');
  const tick = setInterval(() => say(`Analyzing… ${Math.round((Date.now() - started) / 1000)} s`), 1000);
  try {
    const res = await fetch('/api/analyze', { method: 'POST', headers, body: JSON.stringify(requestBody(input.value, fileKind)) });
    if (!res.ok) {
      let message = `${res.status} ${res.statusText}`;
      try {
        const j = (await res.json()) as { error?: unknown };
        if (typeof j.error === 'string') message = j.error;
      } catch {
        // not JSON: the status line says enough
      }
      say(message, true);
      return;
    }
    const id = res.headers.get('X-Report-Id');
    if (!id) {
      say('The server kept no report to show (no X-Report-Id).', true);
      return;
    }
    await loadReport(id, true);
    say(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (err) {
    say(`Could not analyze: ${err instanceof Error ? err.message : String(err)}`, true);
  } finally {
    clearInterval(tick);
    button.disabled = false;
  }
}

// ---- the source beside a reused sentence ----

interface SourceDoc {
  id: string;
  title: string | null;
  text: string;
}
const documents = new Map<string, Promise<SourceDoc>>();

function fetchDocument(id: string): Promise<SourceDoc> {
  let p = documents.get(id);
  if (!p) {
    p = fetch(`/api/documents/${encodeURIComponent(id)}`).then(async (res) => {
      if (!res.ok) throw new Error(res.status === 404 ? 'the source is no longer in the index' : `${res.status} ${res.statusText}`);
      return (await res.json()) as SourceDoc;
    });
    p.catch(() => documents.delete(id));
    documents.set(id, p);
  }
  return p;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const x = document.createElement(tag);
  if (cls) x.className = cls;
  if (text !== undefined) x.textContent = text;
  return x;
}

const CONTEXT = 320; // characters of the source shown on either side of the passage

/** The passage inside its document: the text around it, the passage itself marked. */
function contextOf(doc: SourceDoc, start: number, end: number, expected: string): HTMLElement {
  const box = el('div', 'ctx');
  box.append(el('h4', undefined, `In ${doc.title ? `“${doc.title}”` : doc.id}`));
  const p = el('p');
  const ok = start >= 0 && end <= doc.text.length && start < end;
  const passage = ok ? doc.text.slice(start, end) : expected;
  if (ok) {
    const from = Math.max(0, start - CONTEXT);
    const to = Math.min(doc.text.length, end + CONTEXT);
    p.append((from > 0 ? '…' : '') + doc.text.slice(from, start), el('mark', undefined, passage), doc.text.slice(end, to) + (to < doc.text.length ? '…' : ''));
  } else p.append(el('mark', undefined, passage));
  box.append(p);
  return box;
}

function closePanel(panel: HTMLElement, focusSentence: boolean): void {
  const sid = panel.dataset.for;
  panel.remove();
  const s = sid ? document.getElementById(sid) : null;
  s?.classList.remove('open');
  if (focusSentence) s?.focus();
}

function openSource(sentence: HTMLElement): void {
  const m = /^(.+)-s(\d+)$/.exec(sentence.id);
  const row = sentence.closest('.para');
  const beside = row?.querySelector<HTMLElement>('.beside');
  if (!m || !beside) return;
  const [, prefix, index] = m;
  const existing = beside.querySelector<HTMLElement>(`.source-panel[data-for="${CSS.escape(sentence.id)}"]`);
  if (existing) {
    closePanel(existing, true);
    return;
  }
  const block = document.getElementById(`${prefix}-r${index}`);
  const pair = block?.querySelector('.pair');
  if (!block || !pair) return;
  const panel = el('section', 'source-panel');
  for (const c of block.classList) if (/^c\d+$/.test(c)) panel.classList.add(c);
  panel.dataset.for = sentence.id;
  panel.tabIndex = -1;
  panel.setAttribute('aria-label', `Source of sentence ${Number(index) + 1}`);
  const head = el('header');
  const kind = block.querySelector('.kind')?.textContent ?? 'reused';
  head.append(el('b', undefined, `Sentence ${Number(index) + 1}: ${kind} from ${block.dataset.doc ?? 'a source'}`));
  const close = el('button', 'close', 'Close');
  close.type = 'button';
  close.setAttribute('aria-label', `Close the source of sentence ${Number(index) + 1}`);
  close.addEventListener('click', () => closePanel(panel, true));
  head.append(close);
  // The word-by-word comparison is the server's (escaped) rendering, cloned; the context comes from the index.
  panel.append(head, pair.cloneNode(true));
  const subs = block.querySelector(':scope > .subs');
  if (subs) panel.append(subs.cloneNode(true));
  const ctx = el('p', 'hint', 'Loading the source document…');
  panel.append(ctx);
  panel.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') closePanel(panel, true);
  });
  beside.prepend(panel);
  sentence.classList.add('open');
  panel.focus({ preventScroll: true });
  if (panel.getBoundingClientRect().top < 0 || panel.getBoundingClientRect().bottom > innerHeight) panel.scrollIntoView({ block: 'nearest' });
  const docId = block.dataset.doc;
  if (!docId) {
    ctx.textContent = '';
    return;
  }
  fetchDocument(docId).then(
    (doc) => ctx.replaceWith(contextOf(doc, Number(block.dataset.start), Number(block.dataset.end), pair.querySelector('.side-src')?.textContent ?? '')),
    (err: unknown) => {
      ctx.textContent = `Could not load the source document: ${err instanceof Error ? err.message : String(err)}`;
    },
  );
}

function reusedSentence(target: EventTarget | null): HTMLElement | null {
  const t = target instanceof Element ? target : null;
  // A finding's mark inside the sentence is a link of its own.
  if (!t || t.closest('a')) return null;
  return t.closest<HTMLElement>('.s[tabindex]');
}

// ---- wiring ----

form?.addEventListener('submit', (ev) => {
  ev.preventDefault();
  void analyze();
});
input?.addEventListener('input', () => {
  fileKind = null;
});
fileInput?.addEventListener('change', () => {
  const f = fileInput.files?.[0];
  if (f) void readFile(f);
});
form?.addEventListener('dragover', (ev) => {
  ev.preventDefault();
  form.classList.add('drag');
});
form?.addEventListener('dragleave', () => form.classList.remove('drag'));
form?.addEventListener('drop', (ev) => {
  ev.preventDefault();
  form.classList.remove('drag');
  const f = ev.dataTransfer?.files?.[0];
  if (f) void readFile(f);
});

// One listener for every sentence (a 300-sentence article has no 300 listeners).
document.addEventListener('click', (ev) => {
  // A reuse finding's "source beside the sentence" link opens the panel here instead of jumping to the list.
  const link = ev.target instanceof Element ? ev.target.closest<HTMLAnchorElement>('.ev-link a') : null;
  const m = link && /^#(.+)-r(\d+)$/.exec(link.getAttribute('href') ?? '');
  const linked = m ? document.getElementById(`${m[1]}-s${m[2]}`) : null;
  if (linked?.matches('.s[tabindex]')) {
    ev.preventDefault();
    const open = document.querySelector<HTMLElement>(`.source-panel[data-for="${CSS.escape(linked.id)}"]`);
    if (open) open.focus();
    else openSource(linked);
    return;
  }
  const s = reusedSentence(ev.target);
  if (s) openSource(s);
});
document.addEventListener('keydown', (ev) => {
  if (ev.key !== 'Enter' && ev.key !== ' ') return;
  const s = reusedSentence(ev.target);
  if (s && ev.target === s) {
    ev.preventDefault();
    openSource(s);
  }
});

window.addEventListener('popstate', () => {
  const m = /^\/r\/([^/]+)$/.exec(location.pathname);
  if (m) loadReport(decodeURIComponent(m[1]), false).catch((err: unknown) => say(String(err), true));
  else {
    const current = $('result');
    if (current) current.replaceChildren();
    document.title = 'unspun — where did this article come from?';
  }
});
