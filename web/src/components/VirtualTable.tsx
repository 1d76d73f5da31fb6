// A dense, virtualised table for thousands of rows: only visible rows are in the DOM. Columns have fixed
// widths (px) or flex; optional row selection with shift-free checkboxes; `onEndReached` loads more pages.
import { useEffect, useRef, type ReactNode } from 'react';
import { Checkbox, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  key: string;
  header: ReactNode;
  width?: number;
  /** Flex grow instead of a fixed width. */
  grow?: number;
  align?: 'right' | 'left' | 'center';
  render: (row: T) => ReactNode;
}

interface Props<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  height?: number | string;
  rowHeight?: number;
  onRowClick?: (row: T) => void;
  selected?: Set<string>;
  onSelectedChange?: (s: Set<string>) => void;
  onEndReached?: () => void;
  loading?: boolean;
  testId?: string;
}

export function VirtualTable<T>({
  rows,
  columns,
  rowKey,
  height = 'calc(100vh - 260px)',
  rowHeight = 34,
  onRowClick,
  selected,
  onSelectedChange,
  onEndReached,
  loading,
  testId,
}: Props<T>) {
  const { t } = useTranslation();
  const parentRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = v.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (onEndReached && last && last.index >= rows.length - 5) onEndReached();
  }, [last?.index, rows.length, onEndReached]);

  const cellStyle = (c: Column<T>) => ({
    width: c.grow ? undefined : (c.width ?? 120),
    flex: c.grow ? `${c.grow} 1 ${c.width ?? 120}px` : undefined,
    textAlign: c.align ?? 'left',
  });
  const allSelected = !!selected && rows.length > 0 && rows.every((r) => selected.has(rowKey(r)));
  const toggle = (k: string) => {
    if (!selected || !onSelectedChange) return;
    const s = new Set(selected);
    if (s.has(k)) s.delete(k);
    else s.add(k);
    onSelectedChange(s);
  };

  // On a narrow screen (a phone) the table scrolls sideways inside its frame instead of widening the page.
  const minWidth = columns.reduce((w, c) => w + (c.width ?? 120), selected ? 36 : 0);
  return (
    <div
      data-testid={testId}
      style={{
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 4,
        background: 'white',
        maxWidth: '100%',
        overflowX: 'auto',
      }}
    >
      <div style={{ minWidth }}>
        <div className="vt-head">
          {selected && (
            <div className="vt-cell" style={{ width: 36 }}>
              <Checkbox
                size="xs"
                aria-label={t('common.selectAll')}
                checked={allSelected}
                indeterminate={!allSelected && selected.size > 0}
                onChange={() => onSelectedChange?.(allSelected ? new Set() : new Set(rows.map(rowKey)))}
              />
            </div>
          )}
          {columns.map((c) => (
            <div key={c.key} className="vt-cell" style={cellStyle(c)}>
              {c.header}
            </div>
          ))}
        </div>
        <div ref={parentRef} style={{ height, overflow: 'auto' }}>
          {rows.length === 0 ? (
            <Text c="dimmed" ta="center" p="lg" size="sm">
              {loading ? t('common.loading') : t('common.noRows')}
            </Text>
          ) : (
            <div style={{ height: v.getTotalSize(), position: 'relative' }}>
              {items.map((vi) => {
                const row = rows[vi.index]!;
                const k = rowKey(row);
                return (
                  <div
                    key={k}
                    data-key={k}
                    className={`vt-row${selected?.has(k) ? ' selected' : ''}`}
                    style={{
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: rowHeight,
                      transform: `translateY(${vi.start}px)`,
                      cursor: onRowClick ? 'pointer' : undefined,
                    }}
                    onClick={() => onRowClick?.(row)}
                  >
                    {selected && (
                      <div className="vt-cell" style={{ width: 36 }} onClick={(e) => e.stopPropagation()}>
                        <Checkbox size="xs" aria-label={k} checked={selected.has(k)} onChange={() => toggle(k)} />
                      </div>
                    )}
                    {columns.map((c) => (
                      <div key={c.key} className={`vt-cell${c.align === 'right' ? ' num' : ''}`} style={cellStyle(c)}>
                        {c.render(row)}
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
      <Text size="xs" c="dimmed" px="sm" py={4} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        {t('common.rows', { count: rows.length })}
      </Text>
    </div>
  );
}
