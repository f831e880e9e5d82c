/*
 * 검색어 추천: suggestions under the job-search box while typing (GET /api/v1/postings/suggest).
 * Progressive enhancement: without this script the box is a plain search field and the form works the
 * same. The box becomes an ARIA 1.2 combobox with a listbox (WAI-ARIA APG "list autocomplete"):
 * ↓/↑ move through the suggestions, Enter searches the one chosen, Esc closes the list, and a status
 * line tells screen-reader users how many there are. Nothing is chosen until the user moves to it.
 */
(() => {
  const input = document.getElementById('q');
  const form = input?.form;
  if (!input || !form || !window.fetch) return;
  const list = document.createElement('ul');
  list.id = 'q-suggestions';
  list.className = 'ilteo-suggest';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', '추천 검색어');
  list.hidden = true;
  const status = document.createElement('p');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  input.parentElement.classList.add('ilteo-suggest-host');
  input.after(list, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  let items = [];
  let active = -1;
  let timer;
  let controller;
  let typed = input.value;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (index) => {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((li, i) => {
      li.setAttribute('aria-selected', String(i === index));
    });
    if (index < 0) {
      input.removeAttribute('aria-activedescendant');
      input.value = typed;
      return;
    }
    input.setAttribute('aria-activedescendant', `q-suggestion-${index}`);
    input.value = items[index].text;
  };
  const render = () => {
    list.replaceChildren(
      ...items.map((item, i) => {
        const li = document.createElement('li');
        li.id = `q-suggestion-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        const kind = document.createElement('span');
        kind.className = 'ilteo-suggest__kind';
        kind.textContent = item.label;
        li.append(document.createTextNode(item.text), kind);
        // mousedown, not click: the input keeps focus, and the list is not closed by its blur first.
        li.addEventListener('mousedown', (event) => {
          event.preventDefault();
          input.value = item.text;
          close();
          form.requestSubmit();
        });
        return li;
      }),
    );
    active = -1;
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
    input.removeAttribute('aria-activedescendant');
    status.textContent =
      items.length > 0 ? `추천 검색어 ${items.length}개가 있습니다. 위아래 화살표로 고를 수 있습니다.` : '';
  };
  const load = async () => {
    typed = input.value;
    if (typed.trim() === '') {
      items = [];
      render();
      return;
    }
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`/api/v1/postings/suggest?q=${encodeURIComponent(typed)}`, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      });
      if (!response.ok) return; // no suggestions; the search itself still works
      const body = await response.json();
      if (input.value !== typed) return;
      items = body.items;
      render();
    } catch {
      // aborted by newer typing, or the network: no suggestions
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(load, 120);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden) {
        if (items.length > 0) render();
        return;
      }
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = active + step;
      choose(next >= items.length ? -1 : next < -1 ? items.length - 1 : next);
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      if (active >= 0) input.value = typed;
      close();
    } else if (event.key === 'Enter') {
      close(); // the form submits what the box holds, chosen or typed
    }
  });
  input.addEventListener('blur', close);
})();
