// Counting on one list: scan bin → scan item → quantity (in the scanned unit) → confirm. Scans come from a
// keyboard-wedge scanner (anywhere on the page), the camera, or typing. Reports go straight to the server
// when online and into the outbox otherwise; a repeat scan asks Add/Replace (the inventory's report type
// preselected); an undo is a corrective "replace" report, never a deletion.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconArrowBackUp, IconCamera, IconCheck, IconMapPin, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorText } from '../components/errors';
import { CameraScanner } from './CameraScanner';
import { DecisionModal, defaultModeFor, type Decision } from './DecisionModal';
import { feedback } from './feedback';
import { readLabel, type LabelReading } from './tokenizer';
import type { BarcodeFields } from '../../../src/domain/barcode/types';
import { findInCatalog, handheld, type HandheldItem, type HandheldList } from './handheldApi';
import { discard, enqueue, newClientReportId, pending, type ScanBody } from './queue';
import { useWedge } from './useWedge';
import type { useOutbox } from './useOutbox';

interface Pending {
  raw: string;
  itemCode: string;
  description: string;
  unit: string;
  lot: string;
  serial: string;
  lotManaged: boolean;
  serialManaged: boolean;
  target: string | null;
  /** Not in the list's catalogue on this device: lot and serial are offered (optional), the server checks. */
  unknown: boolean;
}

export interface LastReport {
  clientReportId: string;
  body: ScanBody;
  label: string;
  queued: boolean;
  previousQuantity: string | null;
  /** The item's primary unit: an undo restores the previous quantity, which is in that unit. */
  primaryUnit?: string;
  undone?: boolean;
  isUndo?: boolean;
}

const DEVICE = `web:${navigator.userAgent.includes('Mobile') ? 'mobile' : 'desktop'}`;

/** "12,5" → "12.5"; null when not a non-negative decimal. */
export function normaliseQuantity(s: string): string | null {
  const v = s.trim().replace(',', '.');
  return /^\d{1,14}(\.\d{1,6})?$/.test(v) ? v : null;
}

export function CountScreen({ list, outbox, onLeave }: { list: HandheldList; outbox: ReturnType<typeof useOutbox>; onLeave: () => void }) {
  const { t } = useTranslation();
  const items = useQuery({ queryKey: ['handheld-items', list.id], queryFn: () => handheld.items(list.id), networkMode: 'always' });
  const [bin, setBin] = useState<string | null>(null);
  const [pendingItem, setPending] = useState<Pending | null>(null);
  const [quantity, setQuantity] = useState('');
  const [entry, setEntry] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [last, setLast] = useState<LastReport[]>([]);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [camera, setCamera] = useState(false);
  const [busy, setBusy] = useState(false);
  const qtyRef = useRef<HTMLInputElement>(null);
  const entryRef = useRef<HTMLInputElement>(null);

  const rows = items.data ?? [];
  const needsBin = list.countType === 'bin' || rows.some((r) => r.binCode);
  const step: 'bin' | 'item' | 'quantity' = pendingItem ? 'quantity' : needsBin && !bin ? 'bin' : 'item';

  useEffect(() => {
    (step === 'quantity' ? qtyRef : entryRef).current?.focus();
  }, [step]);

  const say = (ok: boolean, text: string) => {
    setMessage({ ok, text });
    if (ok) feedback.ok();
    else feedback.error();
  };

  const catalog = useQuery({ queryKey: ['handheld-catalog', list.id], queryFn: () => handheld.catalog(list.id), networkMode: 'always' });
  const bins = catalog.data?.bins ?? [];
  const binOf = (code: string) => bins.find((b) => b.code === code || b.barcode === code) ?? (rows.some((r) => r.binCode === code) ? { code } : undefined);

  const year = new Date().getFullYear();

  /** An item the device knows (the list's catalogue), with what its label says. */
  const knownItem = (code: string, found: NonNullable<ReturnType<typeof findInCatalog>>, fields: BarcodeFields | undefined): Pending => {
    const line: HandheldItem | undefined = rows.find((r) => r.itemCode === found.item.code && (r.binCode ?? null) === bin && (!fields?.lot || r.lot === fields.lot));
    return {
      raw: code, itemCode: found.item.code, description: found.item.description, unit: found.unit, lot: fields?.lot ?? '', serial: fields?.serial ?? '',
      lotManaged: found.item.lotManagement !== 'no' || !!fields?.lot, serialManaged: found.item.serialManagement || !!fields?.serial,
      target: line?.targetQuantity ?? null, unknown: false,
    };
  };

  const startItem = (p: Pending, labelQuantity: string | undefined, message: string) => {
    setPending(p);
    if (labelQuantity) setQuantity(labelQuantity);
    else if (list.showSystemQuantities && p.target !== null) setQuantity(list.reportType === 'cumulative' ? '0' : p.target);
    else setQuantity('');
    say(true, message);
  };

  /** Not on the device: the server says at once what the code is (or why not) before a quantity is typed. */
  const identifyOnline = async (code: string, label: LabelReading) => {
    setBusy(true);
    try {
      const v = await handheld.identify(list.id, code);
      startItem({
        raw: code, itemCode: v.itemCode, description: v.description, unit: v.enteredUnit, lot: v.lot ?? '', serial: v.serial ?? '',
        lotManaged: v.lotManagement !== 'no', serialManaged: v.serialManagement, target: null, unknown: false,
      }, v.quantity ?? undefined, `${v.itemCode} · ${v.description} · ${t('scanUi.notOnList')}`);
    } catch (e) {
      if (e instanceof ApiError && e.offline) return offlineUnknown(code, label);
      say(false, errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  /** Offline and not on the device: a broken label is refused at once; anything else is checked by the server later. */
  const offlineUnknown = (code: string, label: LabelReading) => {
    if (!label.ok) return say(false, errorText(t, label.error));
    startItem({
      raw: code, itemCode: '', description: t('scan.notOnDevice'), unit: '', lot: label.fields.lot ?? '', serial: label.fields.serial ?? '',
      lotManaged: !!label.fields.lot, serialManaged: !!label.fields.serial, target: null, unknown: true,
    }, label.fields.quantity, `${code} · ${t('scan.notOnDevice')}`);
  };

  const handleScan = useCallback((code: string) => {
    setEntry('');
    const b = binOf(code);
    if (b || step === 'bin') {
      if (!b && bins.length > 0) return say(false, t('scan.unknownBin', { bin: code }));
      setBin(b?.code ?? code);
      setPending(null);
      return say(true, t('scan.binSet', { bin: b?.code ?? code }));
    }
    const label = readLabel(code, year);
    const fields = label.ok ? label.fields : undefined;
    const found = findInCatalog(catalog.data?.items ?? [], code, label.ok ? label.gtin : undefined);
    if (found) {
      const p = knownItem(code, found, fields);
      return startItem(p, fields?.quantity, `${p.itemCode} · ${p.description}`);
    }
    if (!outbox.online) return offlineUnknown(code, label);
    void identifyOnline(code, label);
  }, [step, bin, rows, bins, catalog.data, list, t, outbox.online]);

  // A scan is never dropped: one that arrives before the list's items and bins are on the device, or while
  // a report is being sent, waits here and is handled in order as soon as the screen is ready again.
  const ready = items.isFetched && catalog.isFetched;
  const waitingScans = useRef<string[]>([]);
  const [drained, setDrained] = useState(0);
  const onScan = (code: string) => {
    if (decision) return say(false, t('scan.decideFirst'));
    if (!ready || busy || waitingScans.current.length > 0) {
      waitingScans.current.push(code);
      setDrained((n) => n + 1);
      return;
    }
    handleScan(code);
  };
  useEffect(() => {
    if (!ready || busy || decision || waitingScans.current.length === 0) return;
    handleScan(waitingScans.current.shift()!);
    setDrained((n) => n + 1);
  }, [ready, busy, decision, drained, handleScan]);

  useWedge(onScan);

  // Reports the outbox has since delivered are shown as sent.
  useEffect(() => {
    if (!last.some((r) => r.queued)) return;
    void pending().then((p) => {
      const waiting = new Set(p.map((q) => q.body.clientReportId));
      setLast((l) => (l.some((r) => r.queued && !waiting.has(r.clientReportId)) ? l.map((r) => (r.queued && !waiting.has(r.clientReportId) ? { ...r, queued: false } : r)) : l));
    });
  }, [outbox.waiting, outbox.failed]);

  const defaultMode = defaultModeFor(list.reportType);

  /** Reported before, as far as this device knows (offline repeat detection). */
  const knownPrevious = (b: ScanBody): string | null => {
    const mine = last.find((r) => !r.undone && r.body.bin === b.bin && (r.body.itemCode ?? r.body.barcode) === (b.itemCode ?? b.barcode) && (r.body.lot ?? '') === (b.lot ?? ''));
    if (mine) return mine.body.quantity;
    const cached = rows.find((r) => (r.binCode ?? undefined) === b.bin && (r.itemCode === b.itemCode || r.itemCode === b.barcode) && r.lot === (b.lot ?? ''));
    return cached?.reportedQuantity ?? null;
  };

  const afterReport = (body: ScanBody, queued: boolean, previous: string | null, label: string, undoOf?: string, primaryUnit?: string) => {
    const unit = primaryUnit ?? findInCatalog(catalog.data?.items ?? [], body.itemCode ?? body.barcode ?? '')?.item.primaryUnit;
    setLast((l) => [{ clientReportId: body.clientReportId, body, label, queued, previousQuantity: previous, isUndo: !!undoOf, ...(unit ? { primaryUnit: unit } : {}) },
      ...l.map((r) => (r.clientReportId === undoOf ? { ...r, undone: true } : r))].slice(0, 20));
    if (!undoOf) {
      setPending(null);
      setQuantity('');
      if (!list.keepLocation) setBin(null);
    }
    say(true, queued ? t('scan.queued') : undoOf ? t('scanUi.undone') : t('scan.recorded'));
  };

  const queueReport = async (body: ScanBody, label: string, undoOf?: string) => {
    const previous = body.undoOf ? null : knownPrevious(body);
    if (!body.undoOf && !body.mode && previous !== null) {
      setDecision({ body, label, previousQuantity: previous, suggestedMode: defaultMode, offline: true, ...(undoOf ? { undoOf } : {}) });
      return;
    }
    const b = body.undoOf ? body : { ...body, mode: body.mode ?? defaultMode };
    await enqueue(list.id, b);
    await outbox.refresh();
    afterReport(b, true, previous, label, undoOf);
  };

  const submit = async (body: ScanBody, label: string, undoOf?: string) => {
    setBusy(true);
    try {
      if (!outbox.online || outbox.waiting > 0) return await queueReport(body, label, undoOf);
      try {
        const r = await handheld.send(list.id, body);
        if (r.status === 'decision_needed') {
          setDecision({ body, label, previousQuantity: r.previousQuantity ?? null, suggestedMode: r.suggestedMode ?? defaultMode, offline: false, ...(undoOf ? { undoOf } : {}) });
          feedback.error();
          return;
        }
        const rec = r as { report?: { previousQuantity?: string | null }; item?: { primaryUnit?: string } };
        afterReport(body, false, rec.report?.previousQuantity ?? null, label, undoOf, rec.item?.primaryUnit);
        if ((r as { added?: boolean }).added) say(true, t('scanUi.addedFound'));
      } catch (e) {
        if (e instanceof ApiError && e.offline) return await queueReport(body, label, undoOf);
        say(false, errorText(t, e));
      }
    } finally {
      setBusy(false);
    }
  };

  const confirm = () => {
    if (!pendingItem) return;
    const q = normaliseQuantity(quantity);
    if (q === null) return say(false, t('scan.badQuantity'));
    if (pendingItem.lotManaged && !pendingItem.lot.trim()) return say(false, t('scan.lotRequired'));
    if (pendingItem.serialManaged && !pendingItem.serial.trim()) return say(false, t('scan.serialRequired'));
    const body: ScanBody = { clientReportId: newClientReportId(), quantity: q, device: DEVICE, barcode: pendingItem.raw };
    if (bin) body.bin = bin;
    if (pendingItem.lot) body.lot = pendingItem.lot.trim();
    if (pendingItem.serial) body.serial = pendingItem.serial.trim();
    void submit(body, `${pendingItem.itemCode || pendingItem.raw}${bin ? ` @ ${bin}` : ''}`);
  };

  // An undo takes the report back on the server (marked invalid; the line replays its other reports and is
  // open again when none is left). A report still waiting on the device is simply not sent.
  const undo = async (r: LastReport) => {
    if ((await pending()).some((q) => q.body.clientReportId === r.clientReportId)) {
      await discard(r.clientReportId);
      await outbox.refresh();
      setLast((l) => l.map((x) => (x.clientReportId === r.clientReportId ? { ...x, undone: true, queued: false } : x)));
      say(true, t('scanUi.undone'));
      return;
    }
    const body: ScanBody = { clientReportId: newClientReportId(), undoOf: r.clientReportId, quantity: r.body.quantity };
    void submit(body, `${t('scan.undo')}: ${r.label}`, r.clientReportId);
  };

  const decide = async (mode: 'add' | 'replace') => {
    const d = decision!;
    setDecision(null);
    const body = { ...d.body, mode };
    if (d.offline) {
      await enqueue(list.id, body);
      await outbox.refresh();
      afterReport(body, true, d.previousQuantity, d.label, d.undoOf);
    } else await submit(body, d.label, d.undoOf);
  };

  // A bin list's "(empty bin)" line for the scanned bin, not yet confirmed on this device: offer "Bin empty".
  const emptyLine = bin && list.countType === 'bin'
    ? rows.find((r) => r.itemCode === '' && r.binCode === bin && r.reportedQuantity === null
      && !last.some((x) => x.body.emptyBin && x.body.bin === bin && !x.undone))
    : undefined;
  const confirmEmpty = () => {
    const body: ScanBody = { clientReportId: newClientReportId(), bin: bin!, quantity: '0', mode: 'replace', emptyBin: true, device: DEVICE };
    void submit(body, t('scanUi.emptyBinLabel', { bin }));
  };

  const big = { size: 'xl' as const, radius: 'md' as const };
  return (
    <Stack p="sm" gap="sm" data-testid="count-screen" data-ready={ready} data-busy={busy || waitingScans.current.length > 0} data-step={step}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed" truncate>{t('scan.inventory')} {list.inventoryNumber} · {t(`reportType.${list.reportType}`)}{list.keepLocation ? ` · ${t('scan.keepLocation')}` : ''}</Text>
        <Button variant="subtle" size="compact-sm" onClick={onLeave}>{t('scan.otherList')}</Button>
      </Group>
      <Paper withBorder p="sm" bg={bin ? 'blue.0' : undefined} data-testid="bin-panel">
        <Group justify="space-between">
          <Group gap={6}><IconMapPin size={20} /><Text size="lg" fw={700} data-testid="current-bin">{bin ?? (needsBin ? t('scan.scanBin') : t('scan.noBin'))}</Text></Group>
          {bin && <Button variant="subtle" size="compact-sm" onClick={() => setBin(null)}>{t('scan.changeBin')}</Button>}
        </Group>
      </Paper>
      {emptyLine && step !== 'quantity' && (
        <Button {...big} color="orange" variant="light" onClick={confirmEmpty} loading={busy} data-testid="bin-empty">{t('scanUi.binEmpty')}</Button>
      )}
      {message && <Alert color={message.ok ? 'green' : 'red'} p="xs" data-testid="scan-message" icon={message.ok ? <IconCheck /> : <IconX />}>{message.text}</Alert>}
      {step !== 'quantity' ? (
        <form onSubmit={(e) => { e.preventDefault(); if (entry.trim()) onScan(entry.trim()); }}>
          <Group gap="xs" wrap="nowrap">
            <TextInput ref={entryRef} {...big} style={{ flex: 1 }} placeholder={step === 'bin' ? t('scan.scanBin') : t('scan.scanItem')}
              value={entry} onChange={(e) => setEntry(e.currentTarget.value)} autoCapitalize="none" autoComplete="off" data-testid="scan-entry" />
            <Button {...big} variant="default" onClick={() => setCamera(true)} aria-label={t('scan.camera')}><IconCamera /></Button>
          </Group>
        </form>
      ) : (
        <Paper withBorder p="sm" shadow="xs" data-testid="item-panel">
          <Text fw={700} size="xl">{pendingItem!.itemCode || pendingItem!.raw}</Text>
          <Text size="md">{pendingItem!.description}</Text>
          <Group gap="xs" mt={4}>
            {pendingItem!.unit && <Badge variant="light">{pendingItem!.unit}</Badge>}
            {list.showSystemQuantities && pendingItem!.target !== null && <Badge color="gray">{t('scan.target')}: {pendingItem!.target}</Badge>}
          </Group>
          <Stack gap="xs" mt="sm">
            {(pendingItem!.lotManaged || pendingItem!.unknown) && <TextInput size="lg" label={t('scan.lot')} value={pendingItem!.lot} data-testid="lot-input"
              onChange={(e) => { const v = e.currentTarget.value; setPending((p) => (p ? { ...p, lot: v } : p)); }} />}
            {(pendingItem!.serialManaged || pendingItem!.unknown) && <TextInput size="lg" label={t('scan.serial')} value={pendingItem!.serial}
              onChange={(e) => { const v = e.currentTarget.value; setPending((p) => (p ? { ...p, serial: v } : p)); }} />}
            <form onSubmit={(e) => { e.preventDefault(); confirm(); }}>
              <TextInput ref={qtyRef} {...big} label={`${t('scan.quantity')}${pendingItem!.unit ? ` (${pendingItem!.unit})` : ''}`} inputMode="decimal"
                value={quantity} onChange={(e) => setQuantity(e.currentTarget.value)} data-testid="qty-input" autoComplete="off" />
              <Group grow mt="sm">
                <Button {...big} variant="default" onClick={() => { setPending(null); setQuantity(''); }}>{t('common.cancel')}</Button>
                <Button {...big} type="submit" color="green" loading={busy} data-testid="confirm">{t('scan.confirm')}</Button>
              </Group>
            </form>
          </Stack>
        </Paper>
      )}
      {outbox.failed > 0 && <Alert color="red" p="xs">{t('scan.syncFailed', { count: outbox.failed })}</Alert>}
      <Text fw={600} size="sm" mt="xs">{t('scan.lastReports')}</Text>
      <Stack gap={4} data-testid="last-reports">
        {last.length === 0 && <Text c="dimmed" size="sm">{t('scan.none')}</Text>}
        {last.map((r) => (
          <Group key={r.clientReportId} justify="space-between" wrap="nowrap" p={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', opacity: r.undone ? 0.5 : 1 }}>
            <div style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" fw={600} td={r.undone ? 'line-through' : undefined} truncate>{r.label}</Text>
              <Text size="xs" c="dimmed">{r.isUndo ? t('scanUi.undone') : <>{r.body.mode ? t(`mode.${r.body.mode}`) : ''} {r.body.quantity}{r.body.lot ? ` · ${t('scan.lot')} ${r.body.lot}` : ''}</>}</Text>
            </div>
            <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
              <Badge color={r.queued ? 'yellow' : 'green'} variant="light">{r.queued ? t('scan.queuedShort') : t('scan.sent')}</Badge>
              {!r.undone && !r.isUndo && <Button size="compact-md" variant="light" color="red" leftSection={<IconArrowBackUp size={16} />} onClick={() => void undo(r)} data-testid="undo">{t('scan.undo')}</Button>}
            </Group>
          </Group>
        ))}
      </Stack>
      <DecisionModal decision={decision} onDecide={(m) => void decide(m)} onCancel={() => setDecision(null)} />
      <CameraScanner opened={camera} onClose={() => setCamera(false)} onScan={onScan} />
    </Stack>
  );
}
