// The workspace in IndexedDB, the browser's own transactional database: one record a roster household (with its
// ledger) and one a tab for the calculator's session, each with a version. The app (src/app/workspace_store.h)
// decides what to write; this moves the bytes:
// - at start, while the WebAssembly downloads, it opens the database (or gives up after a few seconds: the app then
//   runs in memory and says so), reads every record, and hands them to the app before its first frame;
// - a write is one transaction: each record goes in only over the version it was read at, else it comes back to
//   the app as a conflict with what is stored (so two tabs never overwrite each other unseen);
// - after each write the other tabs hear of it (BroadcastChannel) and read what changed;
// - when the tab is hidden, what the database does not have yet is copied to localStorage, read back next time;
// - an older workspace (one JSON file in IDBFS, before records) is handed to the app once, to salvage into records;
//   the old database itself is left as it was, a backup;
// - once a day, at start, the workspace as it was read is kept as a backup (the last three), which the app lists
//   and exports as a workspace file.
'use strict';
(function () {
  const DB_NAME = 'zengshou';
  const RECORDS = 'records';
  const BACKUPS = 'backups';
  const BACKUP_EVERY_MS = 20 * 3600 * 1000;  // a backup a day (a little less, so a daily start always makes one)
  const KEPT_BACKUPS = 3;
  const OPEN_TIMEOUT_MS = 4000;
  const READ_BATCH = 2000;  // records a request at start: 100 000 households never sit in one array
  const LEGACY_DB = '/data';  // IDBFS's database for the mount point, before records
  const LEGACY_FILES = ['/data/workspace.json', '/data/workspace-unreadable.json'];
  const LEGACY_PENDING = 'zengshou.workspace.pending';  // localStorage copy of the whole workspace, before records
  const UNSAVED = 'zengshou.unsaved.';  // + tab: changes the database did not have when that tab was hidden
  const KEPT_SESSIONS = 5;  // sessions of closed tabs kept (the newest is what a new tab opens with)

  // A tab keeps its id across reloads (sessionStorage), and holds a lock named after it while it lives, so a new tab
  // can tell the sessions of closed tabs from those of open ones.
  const tabId = (() => {
    try {
      const id = sessionStorage.getItem('zengshou.tab') || crypto.randomUUID().slice(0, 8);
      sessionStorage.setItem('zengshou.tab', id);
      return id;
    } catch (e) {
      return crypto.randomUUID().slice(0, 8);
    }
  })();
  const sessionKey = 's/' + tabId;
  const tabLock = 'zengshou-tab-';
  navigator.locks?.request(tabLock + tabId, () => new Promise(() => {})).catch(() => {});

  const store = {
    tabId,
    db: null,
    problem: 0,        // 0: working; 1: no database; 4: it did not answer (codes of zengshou_storage_problem)
    detail: '',
    loaded: [],        // [key, version, bytes, unsaved] read at start, for the app
    legacy: [],        // older workspace texts (bytes), for the app to salvage
    adoptedCopies: [],  // localStorage copies of closed tabs taken in (dropped once written)
    writing: false,
    writes: 0,         // batches written (for tests)
    lastWriteMs: 0,    // how long the last batch took
    received: 0,       // records other tabs stored that this tab took in
  };
  window.zengshouStore = store;

  const request = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

  function openDatabase() {
    if (!('indexedDB' in window) || !window.indexedDB) return Promise.reject(new Error('no IndexedDB'));
    const opening = indexedDB.open(DB_NAME, 2);
    opening.onupgradeneeded = () => {
      const db = opening.result;
      if (!db.objectStoreNames.contains(RECORDS)) db.createObjectStore(RECORDS);
      if (!db.objectStoreNames.contains(BACKUPS)) db.createObjectStore(BACKUPS);
    };
    return request(opening);
  }

  function withTimeout(promise, ms) {
    return Promise.race([promise, new Promise((_, reject) => setTimeout(() => {
      const e = new Error('IndexedDB did not answer in ' + ms + ' ms');
      e.timeout = true;
      reject(e);
    }, ms))]);
  }

  // Every record, in key order (the order households were added), a batch at a time.
  async function readAll(db) {
    const records = [];
    let after = null;
    for (;;) {
      const tx = db.transaction(RECORDS, 'readonly');
      const os = tx.objectStore(RECORDS);
      const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
      const [keys, values] = await Promise.all([request(os.getAllKeys(range, READ_BATCH)),
        request(os.getAll(range, READ_BATCH))]);
      for (let i = 0; i < keys.length; ++i) records.push([keys[i], values[i]]);
      if (keys.length < READ_BATCH) return records;
      after = keys[keys.length - 1];
    }
  }

  async function liveTabs() {
    try {
      const { held } = await navigator.locks.query();
      return new Set(held.map((l) => l.name));
    } catch (e) {
      return new Set([tabLock + tabId]);
    }
  }

  // The session this tab starts with: its own (a reload), else the newest a closed tab left. Sessions of closed
  // tabs past the newest few are deleted.
  async function pickSession(db, sessions) {
    const live = await liveTabs();
    const own = sessions.find(([key]) => key === sessionKey);
    const closed = sessions.filter(([key]) => key !== sessionKey && !live.has(tabLock + key.slice(2)))
      .sort((a, b) => b[1].at - a[1].at);
    const stale = closed.slice(KEPT_SESSIONS);
    if (stale.length) {
      const tx = db.transaction(RECORDS, 'readwrite');
      for (const [key] of stale) tx.objectStore(RECORDS).delete(key);
    }
    if (own) return [own[1].v, own[1].d];
    // A closed tab's session is opened as this tab's own new one (version 0), the old record left for its history.
    return closed.length ? [0, closed[0][1].d] : null;
  }

  // The localStorage copies of changes the database missed: this tab's (a reload), and those of closed tabs.
  async function unsavedCopies() {
    const live = await liveTabs();
    const copies = [];
    try {
      for (let i = 0; i < localStorage.length; ++i) {
        const name = localStorage.key(i);
        if (!name.startsWith(UNSAVED)) continue;
        const tab = name.slice(UNSAVED.length);
        if (tab !== tabId && live.has(tabLock + tab)) continue;  // an open tab's own
        copies.push({ name, own: tab === tabId, items: JSON.parse(localStorage.getItem(name)) });
      }
    } catch (e) {
      console.warn('browser storage: the copy of unsaved changes could not be read (' + (e.name || e) + ')');
    }
    return copies;
  }

  // The workspace as the app kept it before records: the localStorage copy of its last change if there is one (it
  // is newer), else IDBFS's file; and the file an earlier start set aside as unreadable. IDBFS's database is only
  // opened if it exists (opening makes one), and is left as it is: a backup.
  async function readLegacy() {
    const texts = [];
    try {
      const pending = localStorage.getItem(LEGACY_PENDING);
      if (pending !== null) texts.push(new TextEncoder().encode(pending));
    } catch (e) { /* no localStorage: nothing kept there either */ }
    try {
      const names = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
      if (!names.includes(LEGACY_DB)) return texts;
      const db = await request(indexedDB.open(LEGACY_DB));
      if (db.objectStoreNames.contains('FILE_DATA')) {
        const os = db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA');
        const [file, aside] = await Promise.all(LEGACY_FILES.map((path) => request(os.get(path))));
        if (file && file.contents && texts.length === 0) texts.push(new Uint8Array(file.contents));
        if (aside && aside.contents) texts.push(new Uint8Array(aside.contents));
      }
      db.close();
    } catch (e) {
      console.warn('browser storage: the older workspace could not be read (' + (e.name || e) + ')');
    }
    return texts;
  }

  store.ready = (async () => {
    let db;
    try {
      db = await withTimeout(openDatabase(), OPEN_TIMEOUT_MS);
    } catch (e) {
      store.problem = e.timeout ? 4 : 1;
      store.detail = String(e.message || e.name || e);
      console.warn('browser storage: ' + store.detail + '; the work stays in this page');
      return;
    }
    store.db = db;
    db.onversionchange = () => db.close();
    try {
      const records = await readAll(db);
      const sessions = records.filter(([key]) => key.startsWith('s/'));
      const session = await pickSession(db, sessions);
      const byKey = new Map();
      for (const [key, value] of records)
        if (!key.startsWith('s/')) byKey.set(key, [key, value.v, value.d, 0]);
      if (session) byKey.set('session', ['session', session[0], session[1], 0]);
      // Changes the database missed go over what it has (each over the version it was based on).
      for (const copy of await unsavedCopies()) {
        for (const item of copy.items) {
          if (item.key === 'session' && !copy.own) continue;  // a closed tab's calculator: its stored session stands
          const bytes = item.text === null ? null : new TextEncoder().encode(item.text);
          if (bytes) byKey.set(item.key, [item.key, item.base_version, bytes, 1]);
        }
        store.adoptedCopies.push(copy.name);
      }
      store.loaded = [...byKey.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      if (records.length === 0) store.legacy = await readLegacy();
      // After the app has what it needs: a backup of 100 000 households must not hold up the first frame.
      setTimeout(() => backUp(db, records).then(sendBackups).catch((e) => {
        console.warn('browser storage: no backup this time (' + (e.name || e) + ')');
      }), 0);
    } catch (e) {
      store.problem = 1;
      store.detail = String(e.name || e);
      console.warn('browser storage: the workspace could not be read (' + store.detail + ')');
    }
    listen();
  })();

  // The households as read at start, as one workspace file (a Blob of the records' own bytes: no copy in memory),
  // when the newest backup is a day old; the oldest past KEPT_BACKUPS go. `store.backups` lists them for the app.
  async function backUp(db, records) {
    const tx = db.transaction(BACKUPS, 'readwrite');
    const os = tx.objectStore(BACKUPS);
    const keys = await request(os.getAllKeys());
    const households = records.filter(([key]) => key.startsWith('h/'));
    const newest = keys.length ? Number(keys[keys.length - 1]) : 0;
    if (households.length && Date.now() - newest > BACKUP_EVERY_MS) {
      const parts = ['{"schema":"zengshou.workspace/1","households":['];
      households.forEach(([, value], i) => parts.push(i ? ',' : '', value.d));
      parts.push('],"current":null,"current_index":null,"reform":null}');
      const key = String(Date.now()).padStart(15, '0');
      os.put({ at: Date.now(), households: households.length, d: new Blob(parts, { type: 'application/json' }) }, key);
      keys.push(key);
    }
    for (const old of keys.slice(0, Math.max(0, keys.length - KEPT_BACKUPS))) os.delete(old);
    const kept = keys.slice(-KEPT_BACKUPS);
    const values = await Promise.all(kept.map((key) => request(os.get(key))));
    store.backups = kept.map((key, i) => ({ key, at: values[i].at, households: values[i].households }));
  }
  store.backups = [];

  // The backups, for the app's list (once it runs).
  function sendBackups() {
    if (!window.zengshou || !window.zengshou.ready) return;
    const list = store.backups.map((b) => [b.key, new Date(b.at).toLocaleString('zh-CN'), b.households]);
    withText(JSON.stringify(list), (p) => Module._zengshou_backups(p));
  }
  store.sendBackups = sendBackups;

  // A backup, downloaded as a workspace file (it reads back with 导入工作区).
  store.exportBackup = async function (key, save) {
    const backup = await request(store.db.transaction(BACKUPS, 'readonly').objectStore(BACKUPS).get(key));
    if (backup) save(`zengshou-backup-${new Date(backup.at).toISOString().slice(0, 10)}.json`, backup.d);
  };

  // Bytes to the app's heap for the length of one call.
  function withBytes(bytes, fn) {
    const ptr = Module._malloc(Math.max(1, bytes.length));
    Module.HEAPU8.set(bytes, ptr);
    try {
      fn(ptr, bytes.length);
    } finally {
      Module._free(ptr);
    }
  }
  function withText(text, fn) {
    const size = Module.lengthBytesUTF8(text) + 1;
    const ptr = Module._malloc(size);
    Module.stringToUTF8(text, ptr, size);
    try {
      fn(ptr);
    } finally {
      Module._free(ptr);
    }
  }
  store.withText = withText;

  // Called by main() before the first frame: every record read at start, then an older workspace to salvage.
  store.restore = function () {
    for (const [key, version, bytes, unsaved] of store.loaded)
      withText(key, (k) => withBytes(new Uint8Array(bytes), (p, n) => Module._zengshou_restore_record(k, version, p, n, unsaved)));
    for (const bytes of store.legacy) withBytes(bytes, (p, n) => Module._zengshou_migrate(p, n));
    store.restored = store.loaded.length;
    store.loaded = [];
    store.legacy = [];
  };

  // One batch from the app (src/web/main.cpp store_workspace): [[key, base_version, length (-1: delete)], …] and the
  // texts one after the other from `ptr`. Copied at once; written in one transaction.
  store.write = function (manifest, ptr) {
    let at = ptr;
    const writes = JSON.parse(manifest).map(([appKey, base, length]) => {
      const bytes = length < 0 ? null : Module.HEAPU8.slice(at, at + length);
      if (length > 0) at += length;
      return { appKey, key: appKey === 'session' ? sessionKey : appKey, base, bytes };
    });
    const start = performance.now();
    store.writing = true;
    writeBatch(writes).then(({ written, conflicts }) => {
      store.lastWriteMs = performance.now() - start;
      for (const c of conflicts) {
        withText(c.appKey, (k) => (c.bytes
          ? withBytes(new Uint8Array(c.bytes), (p, n) => Module._zengshou_store_conflict(k, c.version, p, n))
          : Module._zengshou_store_conflict(k, c.version, 0, -1)));
      }
      for (const [appKey, version] of written) withText(appKey, (k) => Module._zengshou_store_written(k, version));
      Module._zengshou_store_done(0);
      store.writing = false;
      store.writes += 1;
      report(0);
      announce(written);
      // Copies of closed tabs' changes, now in the database (or in conflicts the user settles here).
      for (const name of store.adoptedCopies.splice(0)) if (!name.endsWith(tabId)) localStorage.removeItem(name);
    }).catch((e) => {
      Module._zengshou_store_done(1);
      store.writing = false;
      report(/quota/i.test(String(e && (e.name || e))) ? 2 : 3, String((e && (e.name || e.message)) || e));
    });
  };

  function writeBatch(writes) {
    return new Promise((resolve, reject) => {
      let tx;
      try {
        tx = store.db.transaction(RECORDS, 'readwrite');
      } catch (e) {
        reject(e);
        return;
      }
      const os = tx.objectStore(RECORDS);
      const written = [];
      const conflicts = [];
      const at = Date.now();
      const putOrDelete = (w, version) => {
        try {
          if (w.bytes === null) {
            if (version > 0) os.delete(w.key);
            written.push([w.appKey, version + 1, true]);
          } else {
            os.put({ v: version + 1, tab: tabId, at, d: w.bytes }, w.key);
            written.push([w.appKey, version + 1, false]);
          }
        } catch (e) {
          tx.abort();
          reject(e);
        }
      };
      for (const w of writes) {
        // A new household's key is this tab's own (time and a random salt): nothing can be stored under it yet, so
        // it is written without first reading what is there — half the work when a roster is imported.
        if (w.base === 0 && w.key.startsWith('h/')) {
          putOrDelete(w, 0);
          continue;
        }
        const get = os.get(w.key);
        get.onsuccess = () => {
          const stored = get.result;
          const version = stored ? stored.v : 0;
          if (version !== w.base) conflicts.push({ appKey: w.appKey, version, bytes: stored ? stored.d : null });
          else putOrDelete(w, version);
        };
      }
      tx.oncomplete = () => resolve({ written, conflicts });
      tx.onabort = () => reject(tx.error || new DOMException('the write was aborted', 'AbortError'));
    });
  }

  // Tells the app whether storing works (0), or why not.
  function report(kind, detail = '') {
    if (kind !== 0) console.warn('browser storage: ' + detail);
    if (kind === store.problem) return;
    store.problem = kind;
    if (window.zengshou && window.zengshou.ready) withText(detail, (d) => Module._zengshou_storage_problem(kind, d));
  }

  // Other tabs: told which households this one stored; told by them, this one reads theirs.
  let channel = null;
  function listen() {
    if (!('BroadcastChannel' in window)) return;
    channel = new BroadcastChannel('zengshou');
    channel.onmessage = ({ data }) => {
      if (!data || data.tab === tabId || !Array.isArray(data.records)) return;
      const keys = data.records.filter(([key]) => typeof key === 'string' && key.startsWith('h/'));
      if (keys.length) receive(keys);
    };
  }

  function announce(written) {
    const records = written.filter(([key]) => key !== 'session').map(([key, version]) => [key, version]);
    if (channel && records.length) channel.postMessage({ tab: tabId, records });
  }

  const inbox = [];
  async function receive(keys) {
    const tx = store.db.transaction(RECORDS, 'readonly');
    const values = await Promise.all(keys.map(([key]) => request(tx.objectStore(RECORDS).get(key))));
    keys.forEach(([key, version], i) => inbox.push([key, values[i] ? values[i].v : version, values[i] ? values[i].d : null]));
    deliver();
  }
  // Handed to the app once it runs (a change may arrive while it loads).
  function deliver() {
    if (!window.zengshou || !window.zengshou.ready) return;
    for (const [key, version, bytes] of inbox.splice(0)) {
      withText(key, (k) => (bytes
        ? withBytes(new Uint8Array(bytes), (p, n) => Module._zengshou_stored_elsewhere(k, version, p, n))
        : Module._zengshou_stored_elsewhere(k, version, 0, -1)));
      store.received += 1;
    }
  }
  store.deliver = deliver;

  // The tab is being hidden: the app writes what is due, and what the database does not have yet is also kept in
  // localStorage (synchronous, so it is there even if the tab closes before the write ends).
  store.flush = function () {
    if (!window.zengshou || !window.zengshou.ready) return;
    Module._zengshou_flush();
    if (store.problem === 1 || store.problem === 4) return;  // no database: nothing to reconcile a copy with
    const unsaved = Module.UTF8ToString(Module._zengshou_unsaved());
    try {
      if (unsaved === '[]') localStorage.removeItem(UNSAVED + tabId);
      else localStorage.setItem(UNSAVED + tabId, unsaved);
    } catch (e) {
      console.warn('browser storage: no copy of the last change (' + (e.name || e) + ')');
    }
  };

  // Reads the database as it is now and asks the app whether every record reads (for the browser tests, which
  // check after each action that what was stored can be read back).
  store.stored = async function () {
    const records = await readAll(store.db);
    return records.map(([key, value]) => [key, value.v, new TextDecoder().decode(value.d)]);
  };
})();
