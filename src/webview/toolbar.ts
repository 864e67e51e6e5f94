// Filter box with its match count, Group by message, Load All with progress and Cancel, copy and export.
import { formatCount } from '../shared/format';
import { button, el } from './dom';
import { t } from '../shared/webviewStrings';

export interface ToolbarActions {
  filter(value: string): void;
  grouped(on: boolean): void;
  loadAll(): void;
  cancel(): void;
  copySelection(): void;
  copyAll(): void;
  export(format: 'csv' | 'json'): void;
}

export class Toolbar {
  readonly element: HTMLElement;
  private readonly input = el('input', {
    className: 'filter',
    attrs: { type: 'search', placeholder: t('filterPlaceholder'), 'aria-label': t('filterLabel'), spellcheck: 'false' },
  });
  private readonly count = el('span', { className: 'count', attrs: { 'aria-live': 'polite' } });
  private readonly group: HTMLButtonElement;
  private readonly loadAll: HTMLButtonElement;
  private readonly progress = el('div', { className: 'progress', attrs: { role: 'group' } });
  private readonly bar = el('progress', { attrs: { max: '1', value: '0' } });
  private readonly progressText = el('span');
  private readonly dataButtons: HTMLButtonElement[];
  private debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(actions: ToolbarActions) {
    this.input.addEventListener('input', () => {
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => actions.filter(this.input.value), 120);
    });
    this.group = button(t('groupByMessage'), () => {
      const on = this.group.getAttribute('aria-pressed') !== 'true';
      this.setGrouped(on);
      actions.grouped(on);
    }, { className: 'toggle', attrs: { 'aria-pressed': 'false' } });
    this.loadAll = button(t('loadAll'), () => actions.loadAll(), { className: 'primary', attrs: { title: t('loadAllHint') } });
    this.progress.append(this.bar, this.progressText, button(t('cancel'), () => actions.cancel(), { className: 'secondary' }));
    this.progress.hidden = true;
    this.dataButtons = [
      button(t('copySelection'), () => actions.copySelection(), { className: 'secondary' }),
      button(t('copyAll'), () => actions.copyAll(), { className: 'secondary' }),
      button(t('exportCsv'), () => actions.export('csv'), { className: 'secondary' }),
      button(t('exportJson'), () => actions.export('json'), { className: 'secondary' }),
    ];
    this.element = el(
      'div',
      { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': t('toolbarLabel') } },
      el('div', { className: 'filter-box' }, this.input, this.count),
      this.group,
      this.loadAll,
      this.progress,
      el('span', { className: 'spacer' }),
      ...this.dataButtons,
    );
  }

  setFilter(value: string): void {
    this.input.value = value;
  }

  setGrouped(on: boolean): void {
    this.group.setAttribute('aria-pressed', String(on));
  }

  setCounts(matches: number, source: number, filter: string): void {
    this.count.textContent = filter.trim() ? t('matches', formatCount(matches), formatCount(source)) : '';
  }

  setEnabled(e: { loadAll: boolean; data: boolean }): void {
    this.loadAll.disabled = !e.loadAll;
    for (const b of this.dataButtons) b.disabled = !e.data;
  }

  /** `loaded` undefined hides the progress (Load All finished or stopped). */
  setProgress(loaded: number | undefined, total: number): void {
    this.progress.hidden = loaded === undefined;
    this.loadAll.hidden = loaded !== undefined;
    if (loaded === undefined) return;
    this.bar.max = Math.max(1, total);
    this.bar.value = loaded;
    this.progressText.textContent = t('loadingAll', formatCount(loaded), formatCount(total));
  }
}
