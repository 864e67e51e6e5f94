// The task header: id (copyable), type, status, dates, the success/failed bar, Refresh.
import { formatCount } from '../shared/format';
import type { TaskView } from '../shared/protocol';
import { button, el } from './dom';
import { t } from '../shared/webviewStrings';

export class Header {
  readonly element: HTMLElement;
  private readonly id = el('code', { className: 'task-id' });
  private readonly type = el('dd');
  private readonly status = el('span', { className: 'badge' });
  private readonly created = el('dd');
  private readonly updated = el('dd');
  private readonly updatedTerm = el('dt', { text: t('updated') });
  private readonly bar = el('div', { className: 'bar', attrs: { role: 'img' } });
  private readonly barOk = el('span', { className: 'ok' });
  private readonly barFailed = el('span', { className: 'failed' });
  private readonly legend = el('div', { className: 'legend' });
  private readonly auto = el('span', { className: 'auto', text: t('autoRefresh') });

  constructor(actions: { refresh(): void; copyId(): void }) {
    this.bar.append(this.barOk, this.barFailed);
    this.element = el(
      'header',
      { className: 'task-header' },
      el(
        'div',
        { className: 'title-line' },
        el('h1', {}, `${t('taskId')} `, this.id),
        button(t('copyId'), () => actions.copyId(), { className: 'secondary small' }),
        this.status,
        this.auto,
        el('span', { className: 'spacer' }),
        button(t('refresh'), () => actions.refresh(), { className: 'secondary' }),
      ),
      el(
        'dl',
        { className: 'facts' },
        el('dt', { text: t('type') }),
        this.type,
        el('dt', { text: t('created') }),
        this.created,
        this.updatedTerm,
        this.updated,
      ),
      this.bar,
      this.legend,
    );
    this.auto.hidden = true;
  }

  show(task: TaskView): void {
    this.id.textContent = task.id;
    this.type.textContent = task.typeLabel;
    this.type.title = task.type;
    this.status.textContent = task.statusLabel;
    this.status.className = `badge ${task.pending ? 'pending' : task.errorCount > 0 ? 'has-failures' : 'done'}`;
    this.created.textContent = task.created;
    this.updated.textContent = task.updated ?? '';
    this.updated.hidden = this.updatedTerm.hidden = !task.updated;
    this.auto.hidden = !task.pending;
    const total = Math.max(task.totalCount, task.successCount + task.errorCount);
    const pct = (n: number): string => (total > 0 ? `${(100 * n) / total}%` : '0%');
    // Widths through the CSSOM (allowed by the CSP, unlike style attributes in markup).
    this.barOk.style.width = pct(task.successCount);
    this.barFailed.style.width = pct(task.errorCount);
    const label = t('barLabel', formatCount(task.successCount), formatCount(task.errorCount), formatCount(total));
    this.bar.setAttribute('aria-label', label);
    this.legend.replaceChildren(
      el('span', { className: 'ok', text: t('succeeded', formatCount(task.successCount)) }),
      el('span', { className: 'failed', text: t('failed', formatCount(task.errorCount)) }),
    );
  }
}
