// A repeat scan of the same item at the same place: add to the earlier count or replace it. The inventory's
// report type is preselected (focused), so Enter on a scanner's keypad confirms the usual choice.
import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScanBody } from './queue';
import { withUnit } from './places';

export interface Decision {
  body: ScanBody;
  label: string;
  previousQuantity: string | null;
  suggestedMode: 'add' | 'replace';
  offline: boolean;
  undoOf?: string;
  /** The unit the new quantity was entered in (the scanned code's). */
  unit?: string;
  /** The unit of the earlier count (the item's primary unit). */
  previousUnit?: string;
}

/** The choice preselected for a repeat scan: the inventory's report type (cumulative → Add, single → Replace). */
export function defaultModeFor(reportType: 'cumulative' | 'single'): 'add' | 'replace' {
  return reportType === 'cumulative' ? 'add' : 'replace';
}

export function DecisionModal({
  decision,
  onDecide,
  onCancel,
}: {
  decision: Decision | null;
  onDecide: (m: 'add' | 'replace') => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const d = decision;
  return (
    <Modal opened={!!d} onClose={onCancel} title={t('scan.repeatTitle')} centered size="sm">
      {d && (
        <Stack data-testid="decision">
          <Text>
            {t('scan.repeatText', {
              label: d.label,
              previous: d.previousQuantity === null ? '?' : withUnit(d.previousQuantity, d.previousUnit),
              quantity: withUnit(d.body.quantity, d.unit),
            })}
          </Text>
          {(['add', 'replace'] as const).map((m) => (
            <Button
              key={m}
              size="xl"
              data-autofocus={m === d.suggestedMode ? true : undefined}
              variant={m === d.suggestedMode ? 'filled' : 'default'}
              onClick={() => onDecide(m)}
              data-testid={`decide-${m}`}
            >
              {t(`mode.${m}`)}
              {m === d.suggestedMode ? ` (${t('scan.default')})` : ''}
            </Button>
          ))}
          <Button variant="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Stack>
      )}
    </Modal>
  );
}
