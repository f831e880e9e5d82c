/*
 * 창구 접수: the counter's offline queue. Each form taken goes into IndexedDB (survives closing the
 * browser and rebooting the PC) with a key made here, who took it and when; the queue is sent by itself
 * whenever the server answers (and by "지금 전송"). The server applies each key once and answers
 * 처리됨 or 확인 필요; nothing leaves the queue unless the server has answered for it.
 *
 * The counter also remembers (in IndexedDB, so a reload or a reboot keeps it) when it lost the server —
 * the first failed request or the browser's `offline` event — and, on the first answer again, sends
 * that window {key, counterId, from, to} to /api/v1/counter/outages (once per key, kept until the
 * server has taken it): the 실업인정일 of the centre's claimants that fell in it are moved.
 */
(() => {
  const root = document.getElementById('counter');
  if (!root) return;
  const counsellorId = Number(root.dataset.counsellorId);
  const DB = 'ilteo-counter';
  const STORE = 'queue';
  const OUTAGES = 'outages';
  const META = 'meta';
  /** The server is there but cannot answer (a proxy without an app server behind it). */
  const GATEWAY = [502, 503, 504];
  const LABELS = { jobseeking: '구직신청', claim: '수급자격 신청', recognition: '실업인정 신청' };
  const STATES = { waiting: '대기', sending: '전송 중', applied: '처리됨', review: '확인 필요', resolved: '확인 완료' };

  const open = () =>
    new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, 2);
      req.onupgradeneeded = () => {
        for (const name of [STORE, OUTAGES, META])
          if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name, { keyPath: 'key' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  /** One transaction over `stores`; fn gets the first store (and the transaction); resolves with its request's result. */
  const tx = async (stores, mode, fn) => {
    const db = await open();
    return new Promise((resolve, reject) => {
      const t = db.transaction(stores, mode);
      const result = fn(t.objectStore([stores].flat()[0]), t);
      t.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
      t.onerror = () => reject(t.error);
    });
  };
  const all = (store = STORE) => tx(store, 'readonly', (s) => s.getAll());
  const put = (item) => tx(STORE, 'readwrite', (s) => s.put(item));

  // This PC's own ID, made once.
  const counterIdReady = tx(META, 'readwrite', (s) => {
    const got = s.get('counterId');
    got.onsuccess = () => {
      if (!got.result) s.put({ key: 'counterId', value: crypto.randomUUID() });
    };
  }).then(() => tx(META, 'readonly', (s) => s.get('counterId')));

  /** The server could not be reached: remember since when (the first failure only). */
  const lost = () =>
    tx(META, 'readwrite', (s) => {
      const since = s.get('offlineSince');
      since.onsuccess = () => {
        if (!since.result) s.put({ key: 'offlineSince', value: new Date().toISOString() });
      };
    });

  /** The server answered: close the offline window, if any (one transaction), and send what waits. */
  async function reached() {
    const { value: counterId } = await counterIdReady;
    await tx([META, OUTAGES], 'readwrite', (s, t) => {
      const since = s.get('offlineSince');
      since.onsuccess = () => {
        if (!since.result) return;
        s.delete('offlineSince');
        t.objectStore(OUTAGES).put({
          key: crypto.randomUUID(),
          counterId,
          from: since.result.value,
          to: new Date().toISOString(),
        });
      };
    });
    sendOutages();
  }

  /**
   * Every POST to the server goes through here, noting when the server was lost and reached again. `key`
   * is its Idempotency-Key: the same for every send of one item (the server answers it once).
   */
  async function post(url, body, key) {
    let response = null;
    try {
      response = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
    } catch {
      // offline, or no server
    }
    await (response && !GATEWAY.includes(response.status) ? reached() : lost());
    return response;
  }

  let sendingOutages = false;
  /** Sends the closed offline windows; each stays until the server has taken (or refused) it. */
  async function sendOutages() {
    if (sendingOutages) return;
    sendingOutages = true;
    try {
      for (const w of await all(OUTAGES)) {
        const response = await post(
          '/api/v1/counter/outages',
          { key: w.key, counterId: w.counterId, from: w.from, to: w.to },
          w.key,
        );
        // 401 (signed out), 5xx, no answer: kept and sent again with the next contact.
        if (!response || !(response.ok || response.status === 400 || response.status === 422)) break;
        await tx(OUTAGES, 'readwrite', (s) => s.delete(w.key));
      }
    } finally {
      sendingOutages = false;
    }
  }

  const network = document.getElementById('counter-network');
  const summary = document.getElementById('counter-summary');
  const tbody = document.getElementById('counter-queue');

  const time = (iso) =>
    new Date(iso).toLocaleString('ko-KR', {
      timeZone: 'Asia/Seoul',
      hour12: false,
      dateStyle: 'short',
      timeStyle: 'medium',
    });

  async function render() {
    const items = (await all()).sort((a, b) => b.takenAt.localeCompare(a.takenAt));
    tbody.replaceChildren();
    if (items.length === 0) {
      const tr = tbody.insertRow();
      const td = tr.insertCell();
      td.colSpan = 5;
      td.textContent = '대기 중인 접수가 없습니다.';
    }
    for (const item of items) {
      const tr = tbody.insertRow();
      tr.dataset.key = item.key;
      tr.dataset.status = item.status;
      for (const text of [time(item.takenAt), LABELS[item.kind], item.citizen, STATES[item.status]])
        tr.insertCell().textContent = text;
      const detail = tr.insertCell();
      detail.textContent = item.message || '';
      if (item.status === 'review') {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'krds-btn small secondary';
        b.textContent = '확인 완료';
        b.addEventListener('click', async () => {
          item.status = 'resolved';
          item.resolvedAt = new Date().toISOString();
          await put(item);
          render();
        });
        detail.append(' ', b);
      }
    }
    const count = (s) => items.filter((i) => i.status === s).length;
    summary.textContent = `대기 ${count('waiting') + count('sending')}건 · 처리됨 ${count('applied')}건 · 확인 필요 ${count('review')}건`;
  }

  function showNetwork(online) {
    network.textContent = online
      ? '서버에 연결되어 있습니다. 접수는 바로 전송됩니다.'
      : '서버에 연결되지 않았습니다. 접수는 이 PC에 보관되고, 연결되면 자동으로 전송됩니다.';
    network.dataset.online = String(online);
    if (online) return;
    // Since when (kept in IndexedDB through reloads): the counsellor can tell a citizen how long.
    tx(META, 'readonly', (s) => s.get('offlineSince'))
      .then((since) => {
        if (!since || network.dataset.online !== 'false') return;
        const at = new Date(since.value).toLocaleTimeString('ko-KR', { hour: '2-digit', minute: '2-digit' });
        network.textContent = `서버에 연결되지 않았습니다 (${at}부터). 접수는 이 PC에 보관되고, 연결되면 자동으로 전송됩니다.`;
      })
      .catch(() => {});
  }

  let syncing = false;
  async function sync() {
    if (syncing) return;
    syncing = true;
    try {
      const items = (await all()).filter((i) => i.status === 'waiting' || i.status === 'sending');
      for (const item of items.sort((a, b) => a.takenAt.localeCompare(b.takenAt))) {
        item.status = 'sending';
        await put(item);
        await render();
        const response = await post(
          '/api/v1/counter/submissions',
          {
            key: item.key,
            kind: item.kind,
            takenAt: item.takenAt,
            counsellorId: item.counsellorId,
            citizen: item.citizen,
            payload: item.payload,
          },
          item.key,
        );
        if (!response) {
          item.status = 'waiting';
          await put(item);
          showNetwork(false);
          break;
        }
        showNetwork(true);
        const body = await response.json().catch(() => ({}));
        if (response.ok) {
          item.status = body.status === 'applied' ? 'applied' : 'review';
          item.message = body.message || '';
        } else if (response.status === 400 || response.status === 409 || response.status === 422) {
          item.status = 'review';
          item.message = body.message || body.error?.message || '확인이 필요합니다.';
        } else {
          // 401 (signed out), 503 (no database) …: it stays in the queue and is sent again later.
          item.status = 'waiting';
          item.message =
            response.status === 401
              ? '로그인이 끝났습니다. 다시 로그인하면 자동 전송됩니다.'
              : '서버가 아직 처리할 수 없습니다. 잠시 후 자동으로 다시 보냅니다.';
          await put(item);
          break;
        }
        await put(item);
      }
    } finally {
      syncing = false;
      await render();
    }
  }

  function payloadOf(form) {
    const data = Object.fromEntries(new FormData(form).entries());
    const citizen = String(data.citizen || '').trim();
    delete data.citizen;
    if (form.dataset.kind === 'recognition') {
      data.activities = data.activityKind
        ? [
            {
              kind: data.activityKind,
              date: data.activityDate,
              organisation: data.activityOrganisation || '',
              description: '',
            },
          ]
        : [];
      delete data.activityKind;
      delete data.activityDate;
      delete data.activityOrganisation;
    }
    return { citizen, payload: data };
  }

  for (const form of root.querySelectorAll('form[data-kind]')) {
    const citizen = form.querySelector('input[name="citizen"]');
    citizen?.setAttribute('list', 'counter-people');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const { citizen: who, payload } = payloadOf(form);
      if (!who) {
        citizen?.focus();
        summary.textContent = '대상자 아이디를 적어 주세요.';
        return;
      }
      // Cleared at once, so the next form can be typed while this one is stored (a reset after the
      // write would wipe what was typed meanwhile); put back if it could not be stored.
      const typed = [...new FormData(form).entries()];
      form.reset();
      try {
        await put({
          key: crypto.randomUUID(),
          kind: form.dataset.kind,
          takenAt: new Date().toISOString(),
          counsellorId,
          citizen: who,
          payload,
          status: 'waiting',
          message: '',
        });
      } catch {
        for (const [name, value] of typed) {
          const field = form.elements.namedItem(name);
          if (field && 'value' in field) field.value = value;
        }
        summary.textContent = '이 PC에 보관하지 못했습니다. 입력한 내용은 그대로 있습니다. 다시 접수해 주세요.';
        return;
      }
      await render();
      sync();
    });
  }

  // Reference data (the centre's people and their open 실업인정): from the network, or the service worker's cache.
  fetch('/centre/counter/reference.json', { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : null))
    .then((ref) => {
      if (!ref) return;
      const list = document.getElementById('counter-people');
      for (const p of ref.people) {
        const o = document.createElement('option');
        o.value = p.loginId;
        o.label = p.name;
        list.append(o);
      }
      const hint = document.getElementById('recognition-claims');
      document.getElementById('recognition-citizen')?.addEventListener('change', (e) => {
        const p = ref.people.find((x) => x.loginId === e.target.value);
        const open = (p?.claims || []).filter((c) => c.seq);
        hint.textContent = open.length
          ? open.map((c) => `신청 ${c.claimId}: ${c.seq}차 실업인정일 ${c.date}`).join(' · ')
          : '이 대상자의 예정된 실업인정이 없습니다.';
        const claim = document.getElementById('recognition-claim');
        const seq = document.getElementById('recognition-seq');
        // Suggest, never overwrite what the counsellor typed.
        if (open.length === 1 && !claim.value && !seq.value) {
          claim.value = String(open[0].claimId);
          seq.value = String(open[0].seq);
        }
      });
    })
    .catch(() => {});

  document.getElementById('counter-send')?.addEventListener('click', () => sync());
  window.addEventListener('online', () => {
    showNetwork(true);
    sync();
    report();
  });
  window.addEventListener('offline', () => {
    showNetwork(false);
    lost();
  });
  setInterval(sync, 5000);
  // Tell the operators what waits here (a failure is simply retried next time); also how the counter
  // notices it lost the server, or has it back, while nothing waits to be sent.
  async function report() {
    const items = await all();
    const waiting = items.filter((i) => i.status === 'waiting' || i.status === 'sending');
    const oldest = waiting.map((i) => i.takenAt).sort()[0] || null;
    // Each report is a new one: its own fresh key.
    await post(
      '/api/v1/counter/queue',
      {
        waiting: waiting.length,
        review: items.filter((i) => i.status === 'review').length,
        oldestTakenAt: oldest,
      },
      crypto.randomUUID(),
    );
  }
  setInterval(report, 30000);
  report();
  showNetwork(navigator.onLine);
  if (!navigator.onLine) lost();
  render().then(sync);

  if ('serviceWorker' in navigator)
    navigator.serviceWorker.register(root.dataset.sw, { scope: '/centre/' }).catch(() => {});
})();
