// Pickers: every <select data-picker="kind"> (Common/Ui/Picker.razor) becomes a search box that asks
// GET /api/v1/pickers/{kind}?q=…&on=… as the reader types. Without this script the select still works
// and the form still submits; with it the choice is among every record, not only the first few.
// Tom Select (npm, copied to /lib by the build) is loaded only on pages that have a picker.

// The kernel's folding (Common/Search/TextFolding.cs): lower case, accents dropped, đ → d.
const fold = text => (text || '').normalize('NFD').replace(/\p{Mn}/gu, '').replace(/[đĐ]/g, 'd')
    .toLowerCase().replace(/\s+/g, ' ').trim();

let library;
function loadLibrary() {
    library ??= new Promise((resolve, reject) => {
        const css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = '/lib/tom-select.min.css';
        document.head.append(css);
        const script = document.createElement('script');
        script.src = '/lib/tom-select.base.min.js';
        script.onload = () => resolve(window.TomSelect);
        script.onerror = reject;
        document.head.append(script);
    });
    return library;
}

// The day the choice is about: the form's date field when the reader changed it, else the page's.
function dayOf(select) {
    const field = select.dataset.pickerOnField && select.form?.elements[select.dataset.pickerOnField];
    return field?.value || select.dataset.pickerOn || '';
}

function enhance(TomSelect, select) {
    const kind = select.dataset.picker;
    let answers = 0;
    const picker = new TomSelect(select, {
        valueField: 'value',
        labelField: 'label',
        searchField: ['search'],
        allowEmptyOption: true,
        maxOptions: 100,
        loadThrottle: 200,
        placeholder: select.dataset.pickerPlaceholder,
        // The choices already held are narrowed the way the server matches: every typed word, folded,
        // inside the option's folded names. Names beginning with what was typed (or the code typed) come
        // first, as the server ranks them; otherwise the order stays the server's (in office first).
        score(query) {
            const typed = fold(query);
            const terms = typed.split(' ').filter(Boolean);
            return option => {
                if (!terms.every(t => (option.search || fold(option.label)).includes(t))) return 0;
                return fold(option.label).startsWith(typed) || fold(option.value) === typed ? 2 : 1;
            };
        },
        sortField: [{ field: '$score', direction: 'desc' }, { field: '$order' }],
        load(query, done) {
            const url = new URL(`/api/v1/pickers/${encodeURIComponent(kind)}`, location.origin);
            url.searchParams.set('q', query);
            const day = dayOf(select);
            if (day) url.searchParams.set('on', day);
            fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': document.documentElement.lang || 'vi' } })
                .then(r => (r.ok ? r.json() : []))
                // The server's order wins: the latest answer's choices first, in its order (in office first).
                .then(options => {
                    const base = -1_000_000 + (++answers) * -1_000;
                    options.forEach((option, i) => { option.$order = base + i; });
                    done(options);
                })
                .catch(() => done());
        },
        render: {
            option: (data, escape) => `<div class="picker-option"><span>${escape(data.label)}</span>`
                + (data.hint ? `<small class="picker-hint">${escape(data.hint)}</small>` : '') + '</div>',
            item: (data, escape) => `<div>${escape(data.label)}</div>`,
            no_results: () => `<div class="no-results">${select.dataset.pickerNone || ''}</div>`,
        },
    });
    // Tom Select numbers the <option>s it starts from without advancing its own counter: advance it, or
    // the choices it adds later would share their numbers (their order and their element ids).
    picker.order = Math.max(picker.order, select.options.length + 1);
}

async function enhanceAll() {
    const selects = [...document.querySelectorAll('select[data-picker]:not(.tomselected)')];
    if (selects.length === 0) return;
    const TomSelect = await loadLibrary();
    for (const select of selects) if (!select.classList.contains('tomselected')) enhance(TomSelect, select);
}

enhanceAll();
// Pages reached by enhanced navigation are patched in, not loaded: enhance them too.
window.Blazor?.addEventListener?.('enhancedload', enhanceAll);
