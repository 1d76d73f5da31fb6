// Counting on one list: scan the place (a bin, or an unstructured zone: scanned or picked) → scan item →
// quantity (in the scanned unit) → confirm. Scans come from a keyboard-wedge scanner (anywhere on the page),
// the camera, or typing. Reports go straight to the server when online and into the outbox otherwise; a
// repeat scan asks Add/Replace (the inventory's report type preselected); an undo takes a report back.
// A place that is not on the list is warned about at once (which other list has it, when the server is
// reachable) and the counter decides: count there anyway (found items are added) or scan another place.
// Quantities are shown with their unit everywhere: the target in the primary unit, the entry in the scanned one.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconArrowBackUp, IconCamera, IconCheck, IconMapPin, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { codeText, errorText } from '../components/errors';
import type { BarcodeFields } from '../../../src/domain/barcode/types';
import { CameraScanner } from './CameraScanner';
import { DecisionModal, defaultModeFor, type Decision } from './DecisionModal';
import { feedback } from './feedback';
import { readLabel, type LabelReading } from './tokenizer';
import { findInCatalog, handheld, type HandheldList, type ResolvedPlace } from './handheldApi';
import { lineOf, linesAt, onListAt, pickableZones, placeNeeds, placeOfScan, withUnit, type Place } from './places';
import { discard, enqueue, newClientReportId, pending, type ScanBody } from './queue';
import { useWedge } from './useWedge';
import type { useOutbox } from './useOutbox';

interface Pending {
  raw: string;
  itemCode: string;
  description: string;
  unit: string;
  /** The item's primary unit: the target and the converted quantity are in it. */
  primaryUnit: string;
  lot: string;
  serial: string;
  lotManaged: boolean;
  serialManaged: boolean;
  /** The line's target, sent only where the list's counters see targets (the server decides). */
  target: string | null;
  /** What the quantity field proposes, as the server sent it for the line. */
  proposed: string | null;
  /** Not in the list's catalogue on this device: lot and serial are offered (optional), the server checks. */
  unknown: boolean;
  /** The list has no line for it at this place (as the device knows): it will be added as a found item. */
  foundHere: boolean;
}

/** A place not on the list the counter may still count at (found items are added there). */
interface PlaceWarning {
  place: Place;
  text: string;
}

export interface LastReport {
  clientReportId: string;
  body: ScanBody;
  label: string;
  queued: boolean;
  previousQuantity: string | null;
  /** The item's primary unit: an undo restores the previous quantity, which is in that unit. */
  primaryUnit?: string;
  /** The unit the quantity was entered in (the scanned code's unit). */
  unit?: string;
  undone?: boolean;
  isUndo?: boolean;
}

const DEVICE = `web:${navigator.userAgent.includes('Mobile') ? 'mobile' : 'desktop'}`;

/** "12,5" → "12.5"; null when not a non-negative decimal. */
export function normaliseQuantity(s: string): string | null {
  const v = s.trim().replace(',', '.');
  return /^\d{1,14}(\.\d{1,6})?$/.test(v) ? v : null;
}

export function CountScreen({
  list,
  outbox,
  onLeave,
}: {
  list: HandheldList;
  outbox: ReturnType<typeof useOutbox>;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const items = useQuery({
    queryKey: ['handheld-items', list.id],
    queryFn: () => handheld.items(list.id),
    networkMode: 'always',
  });
  const [chosen, setPlace] = useState<Place | null>(null);
  const [placeWarning, setPlaceWarning] = useState<PlaceWarning | null>(null);
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
  const catalog = useQuery({
    queryKey: ['handheld-catalog', list.id],
    queryFn: () => handheld.catalog(list.id),
    networkMode: 'always',
  });
  const bins = catalog.data?.bins ?? [];
  // A catalogue cached by an older page has no zones: the list's lines still name theirs.
  const zones = catalog.data?.zones ?? [];
  const needs = placeNeeds(list.countType, rows, zones);
  const zonesToPick = pickableZones(list.countType, rows, zones);
  // A list that counts on one zone only (no bins) starts there; the counter may still change it.
  const listZones = zonesToPick.filter((z) => z.onList || rows.some((r) => r.zoneCode === z.code && !r.binCode));
  const autoZone: Place | null =
    needs.zones && !needs.bins && listZones.length === 1 ? { kind: 'zone', code: listZones[0]!.code } : null;
  const place = chosen ?? autoZone;
  const bin = place?.kind === 'bin' ? place.code : null;
  const step: 'place' | 'item' | 'quantity' = pendingItem
    ? 'quantity'
    : (needs.bins || needs.zones) && !place
      ? 'place'
      : 'item';
  const placePrompt =
    needs.zones && needs.bins ? t('scanUi.scanBinOrZone') : needs.zones ? t('scanUi.scanZone') : t('scan.scanBin');
  const placeName = (p: Place) =>
    p.kind === 'zone' ? t('scanUi.zoneLabel', { zone: p.code }) : t('scanUi.binLabel', { bin: p.code });

  useEffect(() => {
    (step === 'quantity' ? qtyRef : entryRef).current?.focus();
  }, [step]);

  const say = (ok: boolean, text: string) => {
    setMessage({ ok, text });
    if (ok) feedback.ok();
    else feedback.error();
  };

  const year = new Date().getFullYear();

  /** An item the device knows (the list's catalogue), with what its label says. */
  const knownItem = (
    code: string,
    found: NonNullable<ReturnType<typeof findInCatalog>>,
    fields: BarcodeFields | undefined,
  ): Pending => {
    const line = lineOf(rows, found.item.code, place, fields?.lot);
    return {
      raw: code,
      itemCode: found.item.code,
      description: found.item.description,
      unit: found.unit,
      primaryUnit: found.item.primaryUnit,
      lot: fields?.lot ?? '',
      serial: fields?.serial ?? '',
      lotManaged: found.item.lotManagement !== 'no' || !!fields?.lot,
      serialManaged: found.item.serialManagement || !!fields?.serial,
      target: line?.targetQuantity ?? null,
      proposed: line?.proposedQuantity ?? null,
      unknown: false,
      foundHere: !line,
    };
  };

  const startItem = (p: Pending, labelQuantity: string | undefined, message: string) => {
    setPending(p);
    if (labelQuantity) setQuantity(labelQuantity);
    else setQuantity(p.proposed ?? '');
    say(true, message);
  };

  /** Not on the device: the server says at once what the code is (or why not) before a quantity is typed. */
  const identifyOnline = async (code: string, label: LabelReading) => {
    setBusy(true);
    try {
      const v = await handheld.identify(list.id, code);
      startItem(
        {
          raw: code,
          itemCode: v.itemCode,
          description: v.description,
          unit: v.enteredUnit,
          primaryUnit: v.primaryUnit,
          lot: v.lot ?? '',
          serial: v.serial ?? '',
          lotManaged: v.lotManagement !== 'no',
          serialManaged: v.serialManagement,
          target: null,
          proposed: null,
          unknown: false,
          foundHere: true,
        },
        v.quantity ?? undefined,
        `${v.itemCode} · ${v.description} · ${t('scanUi.notOnList')}`,
      );
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
    startItem(
      {
        raw: code,
        itemCode: '',
        description: t('scan.notOnDevice'),
        unit: '',
        primaryUnit: '',
        lot: label.fields.lot ?? '',
        serial: label.fields.serial ?? '',
        lotManaged: !!label.fields.lot,
        serialManaged: !!label.fields.serial,
        target: null,
        proposed: null,
        unknown: true,
        foundHere: true,
      },
      label.fields.quantity,
      `${code} · ${t('scan.notOnDevice')}`,
    );
  };

  const setHere = (p: Place, text?: string) => {
    setPlace(p);
    setPending(null);
    setPlaceWarning(null);
    say(true, text ?? (p.kind === 'bin' ? t('scan.binSet', { bin: p.code }) : t('scanUi.zoneSet', { zone: p.code })));
  };

  /**
   * Not on the list: warn at once. Allowed (found items are added here): the counter decides. Refused (a bin
   * list's foreign bin, a bin a bin list counts): said with the reason, the place is not taken. Offline the
   * device knows only its own list; the server checks when the reports are sent.
   */
  const warnNotOnList = (p: Place, r: Pick<ResolvedPlace, 'otherList' | 'foundAllowed' | 'refusal'> | null) => {
    const other = r?.otherList
      ? ` ${t('scanUi.otherListHas', { list: r.otherList.number, name: r.otherList.name })}`
      : '';
    const head = `${t('scanUi.placeNotOnList', { place: placeName(p) })}${other}`;
    const allowed = r ? r.foundAllowed : list.countType !== 'bin';
    if (!allowed) {
      const reason = r?.refusal?.code === 'count.on_other_list' ? codeText(t, r.refusal) : t('scanUi.binListOwnBins');
      return say(false, `${head} ${reason}`);
    }
    setPlaceWarning({
      place: p,
      text: `${head} ${t('scanUi.foundHere')}${r ? '' : ` ${t('scanUi.checkedWhenSent')}`}`,
    });
    setMessage(null);
    feedback.error();
  };

  /** A code the device does not know at the place step (a bin made after the list was cached): the server says. */
  const resolveUnknownPlace = async (code: string) => {
    setBusy(true);
    try {
      const r = await handheld.resolvePlace(list.id, code);
      const p: Place = { kind: r.kind, code: r.code };
      return r.onList ? setHere(p) : warnNotOnList(p, r);
    } catch (e) {
      if (e instanceof ApiError && e.offline) return say(false, t('scanUi.unknownPlace', { code }));
      say(false, errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const choosePlace = async (p: Place) => {
    if (onListAt(rows, p, zones)) return setHere(p);
    if (outbox.online) {
      setBusy(true);
      try {
        return warnNotOnList(p, await handheld.resolvePlace(list.id, p.code));
      } catch (e) {
        if (!(e instanceof ApiError && e.offline)) return say(false, errorText(t, e));
      } finally {
        setBusy(false);
      }
    }
    warnNotOnList(p, null);
  };

  const handleScan = useCallback(
    (code: string) => {
      setEntry('');
      const scanned = placeOfScan(code, bins, zones, rows);
      if (scanned || step === 'place') {
        if (!scanned) {
          // Nothing cached to check against: the server checks the place with the report.
          if (bins.length === 0 && zones.length === 0) return void choosePlace({ kind: 'bin', code });
          if (step === 'place' && outbox.online) return void resolveUnknownPlace(code);
          return say(false, needs.zones ? t('scanUi.unknownPlace', { code }) : t('scan.unknownBin', { bin: code }));
        }
        if (scanned.kind === 'zone' && (scanned.structured || list.countType === 'bin'))
          return say(false, t('scanUi.zoneHasBins', { zone: scanned.code }));
        return void choosePlace({ kind: scanned.kind, code: scanned.code });
      }
      if (placeWarning) return say(false, t('scanUi.decidePlaceFirst'));
      const label = readLabel(code, year);
      const fields = label.ok ? label.fields : undefined;
      const found = findInCatalog(catalog.data?.items ?? [], code, label.ok ? label.gtin : undefined);
      if (found) {
        const p = knownItem(code, found, fields);
        return startItem(
          p,
          fields?.quantity,
          `${p.itemCode} · ${p.description}${p.foundHere && rows.length > 0 ? ` · ${t('scanUi.notExpectedHere')}` : ''}`,
        );
      }
      if (!outbox.online) return offlineUnknown(code, label);
      void identifyOnline(code, label);
    },
    [step, place, placeWarning, rows, bins, zones, catalog.data, list, t, outbox.online],
  );

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
      setLast((l) =>
        l.some((r) => r.queued && !waiting.has(r.clientReportId))
          ? l.map((r) => (r.queued && !waiting.has(r.clientReportId) ? { ...r, queued: false } : r))
          : l,
      );
    });
  }, [outbox.waiting, outbox.failed]);

  const defaultMode = defaultModeFor(list.reportType);
  /** The units of a decision: the earlier count is in the primary unit, the new quantity in the scanned one. */
  const units = () => ({
    ...(meta.current?.unit ? { unit: meta.current.unit } : {}),
    ...(meta.current?.primaryUnit ? { previousUnit: meta.current.primaryUnit } : {}),
  });

  /** Reported before, as far as this device knows (offline repeat detection). */
  const knownPrevious = (b: ScanBody): string | null => {
    const mine = last.find(
      (r) =>
        !r.undone &&
        r.body.bin === b.bin &&
        r.body.zone === b.zone &&
        (r.body.itemCode ?? r.body.barcode) === (b.itemCode ?? b.barcode) &&
        (r.body.lot ?? '') === (b.lot ?? ''),
    );
    if (mine) return mine.body.quantity;
    const at: Place | null = b.bin ? { kind: 'bin', code: b.bin } : b.zone ? { kind: 'zone', code: b.zone } : null;
    const cached = linesAt(rows, at).find(
      (r) => (r.itemCode === b.itemCode || r.itemCode === b.barcode) && r.lot === (b.lot ?? ''),
    );
    return cached?.reportedQuantity ?? null;
  };

  /** What the report being sent is, for the messages: units, and whether the device expects a found item. */
  const meta = useRef<{ unit: string; primaryUnit: string; foundHere: boolean } | null>(null);

  const afterReport = (
    body: ScanBody,
    queued: boolean,
    previous: string | null,
    label: string,
    undoOf?: string,
    primaryUnit?: string,
    text?: string,
  ) => {
    const unit =
      primaryUnit ??
      (meta.current?.primaryUnit ||
        findInCatalog(catalog.data?.items ?? [], body.itemCode ?? body.barcode ?? '')?.item.primaryUnit);
    const entryUnit = undoOf ? undefined : meta.current?.unit;
    setLast((l) =>
      [
        {
          clientReportId: body.clientReportId,
          body,
          label,
          queued,
          previousQuantity: previous,
          isUndo: !!undoOf,
          ...(unit ? { primaryUnit: unit } : {}),
          ...(entryUnit ? { unit: entryUnit } : {}),
        },
        ...l.map((r) => (r.clientReportId === undoOf ? { ...r, undone: true } : r)),
      ].slice(0, 20),
    );
    if (!undoOf) {
      setPending(null);
      setQuantity('');
      if (!list.keepLocation) setPlace(null);
    }
    const queuedText = `${t('scan.queued')}${meta.current?.foundHere && rows.length > 0 ? ` ${t('scanUi.queuedFound')}` : ''}`;
    say(true, text ?? (queued ? queuedText : undoOf ? t('scanUi.undone') : t('scan.recorded')));
  };

  /** The confirmation of a recorded report: the quantity with its unit (and in the primary unit), where, found or not. */
  const recordedText = (r: Record<string, unknown>): string => {
    const item = (r.item ?? {}) as {
      enteredQuantity?: string;
      enteredUnit?: string;
      quantity?: string;
      primaryUnit?: string;
    };
    const where = (r.place ?? null) as { kind?: string; code?: string | null } | null;
    const found = (r.found ?? null) as { otherList?: { number: string; holds: 'place' | 'item' } | null } | null;
    if (item.enteredQuantity === undefined) return t('scan.recorded');
    const converted =
      item.enteredUnit && item.primaryUnit && item.enteredUnit !== item.primaryUnit
        ? ` (${withUnit(item.quantity, item.primaryUnit)})`
        : '';
    const at =
      where?.code && where.kind !== 'warehouse'
        ? ` · ${placeName({ kind: where.kind === 'zone' ? 'zone' : 'bin', code: where.code })}`
        : '';
    let text = `${t('scanUi.recordedQty', { quantity: `${withUnit(item.enteredQuantity, item.enteredUnit)}${converted}` })}${at}`;
    if (r.added) {
      text += ` · ${found?.otherList ? t(`scanUi.addedFoundOther_${found.otherList.holds}`, { list: found.otherList.number }) : t('scanUi.addedFound')}`;
    }
    return text;
  };

  const queueReport = async (body: ScanBody, label: string, undoOf?: string) => {
    const previous = body.undoOf ? null : knownPrevious(body);
    if (!body.undoOf && !body.mode && previous !== null) {
      setDecision({
        body,
        label,
        previousQuantity: previous,
        suggestedMode: defaultMode,
        offline: true,
        ...(undoOf ? { undoOf } : {}),
        ...units(),
      });
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
          setDecision({
            body,
            label,
            previousQuantity: r.previousQuantity ?? null,
            suggestedMode: r.suggestedMode ?? defaultMode,
            offline: false,
            ...(undoOf ? { undoOf } : {}),
            ...units(),
          });
          feedback.error();
          return;
        }
        const rec = r as { report?: { previousQuantity?: string | null }; item?: { primaryUnit?: string } };
        afterReport(
          body,
          false,
          rec.report?.previousQuantity ?? null,
          label,
          undoOf,
          rec.item?.primaryUnit,
          undoOf || body.emptyBin ? undefined : recordedText(r as Record<string, unknown>),
        );
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
    const body: ScanBody = {
      clientReportId: newClientReportId(),
      quantity: q,
      device: DEVICE,
      barcode: pendingItem.raw,
    };
    if (place?.kind === 'bin') body.bin = place.code;
    if (place?.kind === 'zone') body.zone = place.code;
    if (pendingItem.lot) body.lot = pendingItem.lot.trim();
    if (pendingItem.serial) body.serial = pendingItem.serial.trim();
    meta.current = { unit: pendingItem.unit, primaryUnit: pendingItem.primaryUnit, foundHere: pendingItem.foundHere };
    void submit(body, `${pendingItem.itemCode || pendingItem.raw}${place ? ` @ ${place.code}` : ''}`);
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
    meta.current = null;
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
  const emptyLine =
    bin && list.countType === 'bin'
      ? rows.find(
          (r) =>
            r.itemCode === '' &&
            r.binCode === bin &&
            r.reportedQuantity === null &&
            !last.some((x) => x.body.emptyBin && x.body.bin === bin && !x.undone),
        )
      : undefined;
  const confirmEmpty = () => {
    const body: ScanBody = {
      clientReportId: newClientReportId(),
      bin: bin!,
      quantity: '0',
      mode: 'replace',
      emptyBin: true,
      device: DEVICE,
    };
    meta.current = null;
    void submit(body, t('scanUi.emptyBinLabel', { bin }));
  };

  const big = { size: 'xl' as const, radius: 'md' as const };
  return (
    <Stack
      p="sm"
      gap="sm"
      data-testid="count-screen"
      data-ready={ready}
      data-busy={busy || waitingScans.current.length > 0}
      data-step={step}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed" truncate miw={0} style={{ flex: 1 }}>
          {t('scan.inventory')} {list.inventoryNumber} · {t(`reportType.${list.reportType}`)}
          {list.keepLocation ? ` · ${t('scan.keepLocation')}` : ''}
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={onLeave} style={{ flexShrink: 0 }}>
          {t('scan.otherList')}
        </Button>
      </Group>
      <Paper withBorder p="sm" bg={place ? 'blue.0' : undefined} data-testid="bin-panel">
        <Group justify="space-between">
          <Group gap={6}>
            <IconMapPin size={20} />
            <Text size="lg" fw={700} data-testid="current-bin" data-place-kind={place?.kind ?? ''}>
              {place
                ? place.kind === 'zone'
                  ? t('scanUi.zoneLabel', { zone: place.code })
                  : place.code
                : needs.bins || needs.zones
                  ? placePrompt
                  : t('scan.noBin')}
            </Text>
          </Group>
          {(chosen || (place && zonesToPick.length > 1)) && (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => {
                setPlace(null);
                setPlaceWarning(null);
              }}
            >
              {t('scan.changeBin')}
            </Button>
          )}
        </Group>
        {step === 'place' && needs.zones && zonesToPick.length > 0 && (
          <Group gap={6} mt={6} data-testid="zone-picker">
            {zonesToPick.slice(0, 12).map((z) => (
              <Button
                key={z.id}
                size="compact-lg"
                variant="light"
                onClick={() => onScan(z.code)}
                data-testid={`zone-pick-${z.code}`}
              >
                {z.code}
              </Button>
            ))}
          </Group>
        )}
      </Paper>
      {placeWarning && (
        <Alert color="orange" p="xs" data-testid="place-warning" icon={<IconAlertTriangle />}>
          <Text size="sm">{placeWarning.text}</Text>
          <Group grow mt="xs">
            <Button
              size="md"
              variant="default"
              onClick={() => {
                setPlaceWarning(null);
                setMessage(null);
              }}
              data-testid="place-cancel"
            >
              {t('scanUi.scanOtherPlace')}
            </Button>
            <Button
              size="md"
              color="orange"
              onClick={() =>
                setHere(placeWarning.place, t('scanUi.countingHere', { place: placeName(placeWarning.place) }))
              }
              data-testid="place-continue"
            >
              {t('scanUi.countHere')}
            </Button>
          </Group>
        </Alert>
      )}
      {emptyLine && step !== 'quantity' && (
        <Button {...big} color="orange" variant="light" onClick={confirmEmpty} loading={busy} data-testid="bin-empty">
          {t('scanUi.binEmpty')}
        </Button>
      )}
      {message && (
        <Alert
          color={message.ok ? 'green' : 'red'}
          p="xs"
          data-testid="scan-message"
          icon={message.ok ? <IconCheck /> : <IconX />}
        >
          {message.text}
        </Alert>
      )}
      {step !== 'quantity' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (entry.trim()) onScan(entry.trim());
          }}
        >
          <Group gap="xs" wrap="nowrap">
            <TextInput
              ref={entryRef}
              {...big}
              style={{ flex: 1 }}
              placeholder={step === 'place' ? placePrompt : t('scan.scanItem')}
              value={entry}
              onChange={(e) => setEntry(e.currentTarget.value)}
              autoCapitalize="none"
              autoComplete="off"
              data-testid="scan-entry"
            />
            <Button {...big} variant="default" onClick={() => setCamera(true)} aria-label={t('scan.camera')}>
              <IconCamera />
            </Button>
          </Group>
        </form>
      ) : (
        <Paper withBorder p="sm" shadow="xs" data-testid="item-panel">
          <Text fw={700} size="xl">
            {pendingItem!.itemCode || pendingItem!.raw}
          </Text>
          <Text size="md">{pendingItem!.description}</Text>
          <Group gap="xs" mt={4}>
            {pendingItem!.unit && <Badge variant="light">{pendingItem!.unit}</Badge>}
            {list.showsTargets && pendingItem!.target !== null && (
              <Badge color="gray" data-testid="target">
                {t('scan.target')}: {withUnit(pendingItem!.target, pendingItem!.primaryUnit)}
              </Badge>
            )}
            {pendingItem!.foundHere && rows.length > 0 && (
              <Badge color="orange" variant="light" data-testid="found-badge">
                {t('scanUi.foundBadge')}
              </Badge>
            )}
          </Group>
          <Stack gap="xs" mt="sm">
            {(pendingItem!.lotManaged || pendingItem!.unknown) && (
              <TextInput
                size="lg"
                label={t('scan.lot')}
                value={pendingItem!.lot}
                data-testid="lot-input"
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setPending((p) => (p ? { ...p, lot: v } : p));
                }}
              />
            )}
            {(pendingItem!.serialManaged || pendingItem!.unknown) && (
              <TextInput
                size="lg"
                label={t('scan.serial')}
                value={pendingItem!.serial}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setPending((p) => (p ? { ...p, serial: v } : p));
                }}
              />
            )}
            <form
              onSubmit={(e) => {
                e.preventDefault();
                confirm();
              }}
            >
              <TextInput
                ref={qtyRef}
                {...big}
                label={`${t('scan.quantity')}${pendingItem!.unit ? ` (${pendingItem!.unit})` : ''}`}
                inputMode="decimal"
                value={quantity}
                onChange={(e) => setQuantity(e.currentTarget.value)}
                data-testid="qty-input"
                autoComplete="off"
              />
              <Group grow mt="sm">
                <Button
                  {...big}
                  variant="default"
                  onClick={() => {
                    setPending(null);
                    setQuantity('');
                  }}
                >
                  {t('common.cancel')}
                </Button>
                <Button {...big} type="submit" color="green" loading={busy} data-testid="confirm">
                  {t('scan.confirm')}
                </Button>
              </Group>
            </form>
          </Stack>
        </Paper>
      )}
      {outbox.failed > 0 && (
        <Alert color="red" p="xs">
          {t('scan.syncFailed', { count: outbox.failed })}
        </Alert>
      )}
      <Text fw={600} size="sm" mt="xs">
        {t('scan.lastReports')}
      </Text>
      <Stack gap={4} data-testid="last-reports">
        {last.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('scan.none')}
          </Text>
        )}
        {last.map((r) => (
          <Group
            key={r.clientReportId}
            justify="space-between"
            wrap="nowrap"
            p={6}
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', opacity: r.undone ? 0.5 : 1 }}
          >
            <div style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" fw={600} td={r.undone ? 'line-through' : undefined} truncate>
                {r.label}
              </Text>
              <Text size="xs" c="dimmed">
                {r.isUndo ? (
                  t('scanUi.undone')
                ) : (
                  <>
                    {r.body.mode ? t(`mode.${r.body.mode}`) : ''}{' '}
                    {r.body.emptyBin ? r.body.quantity : withUnit(r.body.quantity, r.unit ?? r.primaryUnit)}
                    {r.body.lot ? ` · ${t('scan.lot')} ${r.body.lot}` : ''}
                  </>
                )}
              </Text>
            </div>
            <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
              <Badge color={r.queued ? 'yellow' : 'green'} variant="light">
                {r.queued ? t('scan.queuedShort') : t('scan.sent')}
              </Badge>
              {!r.undone && !r.isUndo && (
                <Button
                  size="compact-md"
                  variant="light"
                  color="red"
                  leftSection={<IconArrowBackUp size={16} />}
                  onClick={() => void undo(r)}
                  data-testid="undo"
                >
                  {t('scan.undo')}
                </Button>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
      <DecisionModal decision={decision} onDecide={(m) => void decide(m)} onCancel={() => setDecision(null)} />
      <CameraScanner opened={camera} onClose={() => setCamera(false)} onScan={onScan} />
    </Stack>
  );
}
