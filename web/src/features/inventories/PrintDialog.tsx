// Printing the selected count lists (SPEC §4.5): usage, blank pages, "print reported items", auto-confirm
// and the sheets' language (the UI language by default). The API answers the PDF — opened in a new tab
// from a blob URL, with a link in case the browser blocks the tab — or the warnings, which the user can
// confirm with "print anyway" (the same request with autoConfirmWarnings).
import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { postForFile } from '../../api/client';
import { errorText } from '../../components/errors';
import { LANGUAGES } from '../../i18n';

export type PrintUsage = 'count' | 'verification' | 'blank' | 'none';
type Language = (typeof LANGUAGES)[number]['code'];
export interface PrintWarning {
  listId: string;
  listNumber: string;
  code: string;
  message: string;
}
interface PrintWarnings {
  status: 'warnings';
  warnings: PrintWarning[];
}

const USAGES: PrintUsage[] = ['count', 'verification', 'blank', 'none'];
const uiLanguage = (lng: string): Language => LANGUAGES.find((l) => lng.startsWith(l.code))?.code ?? 'en';

export function PrintDialog({
  countListIds,
  opened,
  onClose,
}: {
  countListIds: string[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [usage, setUsage] = useState<PrintUsage>('count');
  const [blankInput, setBlankInput] = useState<number | string>(1);
  const blankPages = Number(blankInput);
  const [printReported, setPrintReported] = useState(false);
  const [autoConfirm, setAutoConfirm] = useState(false);
  const [language, setLanguage] = useState<Language>(uiLanguage(i18n.language));
  const [warnings, setWarnings] = useState<PrintWarning[] | null>(null);
  const [pdf, setPdf] = useState<{ url: string; name: string; blocked: boolean } | null>(null);

  useEffect(() => {
    if (opened) setLanguage(uiLanguage(i18n.language));
  }, [opened, i18n.language]);
  // Warnings belong to the options they were given for: changing an option asks again.
  const listKey = countListIds.join(',');
  useEffect(() => {
    setWarnings(null);
  }, [usage, blankPages, printReported, autoConfirm, language, listKey]);
  // The blob URL lives as long as the dialog shows its link.
  useEffect(
    () => () => {
      if (pdf) URL.revokeObjectURL(pdf.url);
    },
    [pdf],
  );

  const print = useMutation({
    mutationFn: (confirm: boolean) =>
      postForFile<PrintWarnings>('/api/count-lists/print', {
        listIds: countListIds,
        usage,
        ...(usage === 'blank' ? { blankPages } : {}),
        printReported,
        autoConfirmWarnings: confirm || autoConfirm,
        language,
      }),
    onMutate: () => {
      setWarnings(null);
      setPdf(null);
    },
    onSuccess: (r) => {
      if ('json' in r) {
        setWarnings(r.json.warnings);
        return;
      }
      const url = URL.createObjectURL(r.file.blob);
      const tab = window.open(url, '_blank');
      setPdf({ url, name: r.file.filename ?? 'count-lists.pdf', blocked: !tab });
    },
  });
  const close = () => {
    setWarnings(null);
    setPdf(null);
    print.reset();
    onClose();
  };
  const blankValid = Number.isInteger(blankPages) && blankPages >= 1 && blankPages <= 999;

  return (
    <Modal opened={opened} onClose={close} title={t('print.title')} size="lg">
      <Stack gap="sm" data-testid="print-dialog">
        <Text size="sm">{t('print.selectedLists', { count: countListIds.length })}</Text>
        <div>
          <Text size="sm" fw={500}>
            {t('print.usage')}
          </Text>
          <SegmentedControl
            fullWidth
            value={usage}
            onChange={(v) => setUsage(v as PrintUsage)}
            data-testid="print-usage"
            data={USAGES.map((u) => ({ value: u, label: t(`print.usages.${u}`) }))}
          />
          <Text size="xs" c="dimmed" mt={4} data-testid="print-usage-help">
            {t(`print.usageHelp.${usage}`)}
          </Text>
        </div>
        <NumberInput
          label={t('print.blankPages')}
          description={t('print.blankPagesHelp')}
          min={1}
          max={999}
          allowDecimal={false}
          value={blankInput}
          disabled={usage !== 'blank'}
          onChange={setBlankInput}
          error={usage !== 'blank' || blankValid ? undefined : t('print.blankPagesHelp')}
          data-testid="print-blank-pages"
        />
        <Checkbox
          label={t('print.printReported')}
          description={t('print.printReportedHelp')}
          checked={printReported}
          disabled={usage === 'blank'}
          onChange={(e) => setPrintReported(e.currentTarget.checked)}
          data-testid="print-reported"
        />
        <Checkbox
          label={t('print.autoConfirm')}
          description={t('print.autoConfirmHelp')}
          checked={autoConfirm}
          onChange={(e) => setAutoConfirm(e.currentTarget.checked)}
          data-testid="print-auto-confirm"
        />
        <div>
          <Text size="sm" fw={500}>
            {t('print.language')}
          </Text>
          <SegmentedControl
            value={language}
            onChange={(v) => setLanguage(v as Language)}
            data-testid="print-language"
            data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
          />
        </div>
        <Text size="xs" c="dimmed">
          {t('print.note')}
        </Text>
        {warnings && (
          <Alert color="orange" title={t('print.warningsTitle')} data-testid="print-warnings">
            <List size="sm">
              {warnings.map((w) => (
                <List.Item key={w.listId}>
                  {t(`print.warning.${w.code.replace(/^print\./, '')}`, {
                    list: w.listNumber,
                    defaultValue: w.message,
                  })}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {pdf && (
          <Alert color="green" title={t('print.ready')} data-testid="print-ready">
            {pdf.blocked && <Text size="sm">{t('print.popupBlocked')}</Text>}
            <Anchor href={pdf.url} target="_blank" rel="noopener" size="sm">
              {t('print.open', { file: pdf.name })}
            </Anchor>
          </Alert>
        )}
        {print.error && (
          <Alert color="red" data-testid="print-error">
            {errorText(t, print.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          {warnings ? (
            <Button
              color="orange"
              onClick={() => print.mutate(true)}
              loading={print.isPending}
              data-testid="print-anyway"
            >
              {t('print.printAnyway')}
            </Button>
          ) : (
            <Button
              onClick={() => print.mutate(false)}
              loading={print.isPending}
              disabled={!countListIds.length || (usage === 'blank' && !blankValid)}
              data-testid="print-run"
            >
              {t('print.submit')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
