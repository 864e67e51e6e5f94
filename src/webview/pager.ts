// First / previous / next / last, "items 501–1,000 of 12,345", jump to page, page size.
import { formatCount } from '../shared/format';
import { offsetOfPage, pageInfo, realignOffset } from '../shared/paging';
import { PAGE_SIZES } from '../shared/protocol';
import { button, el } from './dom';
import { t } from '../shared/webviewStrings';

export class Pager {
  readonly element: HTMLElement;
  private readonly first: HTMLButtonElement;
  private readonly prev: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly last: HTMLButtonElement;
  private readonly range = el('span', { className: 'range', attrs: { 'aria-live': 'polite' } });
  private readonly pageInput = el('input', { className: 'page-input', attrs: { type: 'number', min: '1', 'aria-label': t('pageInput') } });
  private readonly pageCount = el('span');
  private readonly size = el('select', { attrs: { 'aria-label': t('pageSize') } });
  private offset = 0;
  private pageSize = 500;
  private total = 0;

  constructor(private readonly actions: { go(offset: number, limit: number): void }) {
    const go = (index: number): void => actions.go(offsetOfPage(index, this.pageSize, this.total), this.pageSize);
    const current = (): number => pageInfo(this.offset, this.pageSize, this.total).index;
    this.first = button('«', () => go(0), { attrs: { 'aria-label': t('first'), title: t('first') } });
    this.prev = button('‹', () => go(current() - 1), { attrs: { 'aria-label': t('previous'), title: t('previous') } });
    this.next = button('›', () => go(current() + 1), { attrs: { 'aria-label': t('next'), title: t('next') } });
    this.last = button('»', () => go(Number.MAX_SAFE_INTEGER), { attrs: { 'aria-label': t('last'), title: t('last') } });
    const jump = el('form', { className: 'jump' }, this.pageInput, this.pageCount, el('button', { text: t('go'), attrs: { type: 'submit' } }));
    jump.addEventListener('submit', (e) => {
      e.preventDefault();
      const n = Number(this.pageInput.value);
      if (Number.isFinite(n) && n >= 1) go(n - 1);
    });
    for (const n of PAGE_SIZES) this.size.append(el('option', { text: String(n), attrs: { value: String(n) } }));
    this.size.addEventListener('change', () => {
      const n = Number(this.size.value);
      actions.go(realignOffset(this.offset, n), n);
    });
    this.element = el(
      'nav',
      { className: 'pager', attrs: { 'aria-label': t('pagerLabel') } },
      this.first,
      this.prev,
      this.range,
      this.next,
      this.last,
      jump,
      el('label', { className: 'size' }, `${t('pageSize')} `, this.size),
    );
  }

  show(offset: number, pageSize: number, total: number, busy: boolean): void {
    this.element.hidden = false;
    this.offset = offset;
    this.pageSize = pageSize;
    this.total = total;
    const info = pageInfo(offset, pageSize, total);
    this.range.textContent = t('range', formatCount(info.first), formatCount(info.last), formatCount(total));
    if (document.activeElement !== this.pageInput) this.pageInput.value = String(info.index + 1);
    this.pageInput.max = String(info.count);
    this.pageCount.textContent = t('pageOf', formatCount(info.count));
    if (!PAGE_SIZES.includes(pageSize as (typeof PAGE_SIZES)[number]) && !this.size.querySelector(`option[value="${pageSize}"]`)) {
      this.size.append(el('option', { text: String(pageSize), attrs: { value: String(pageSize) } }));
    }
    this.size.value = String(pageSize);
    this.first.disabled = this.prev.disabled = busy || info.index === 0;
    this.next.disabled = this.last.disabled = busy || info.index >= info.count - 1;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
