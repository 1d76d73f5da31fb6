// A receipt, issue or transfer. Checked here as the server checks it; issues and transfers are first checked
// by the server without posting (POST …/check), and availability warnings must be confirmed before the posting
// is sent. The server's errors land on the field they name (lines.0.quantity → that line's quantity).
import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorField, errorText } from '../../components/errors';
import { useFormat } from '../../components/format';
import {
  codeName,
  useKeys,
  useOwners,
  useSiteChoice,
  useUnits,
  useWarehouses,
  useZones,
  type LotProposal,
  type PostResult,
  type Warning,
} from './data';
import { PostingLine } from './PostingLine';
import { PostingResult } from './PostingResult';
import {
  checkPosting,
  emptyLine,
  emptyPosting,
  formPath,
  postingBody,
  warningText,
  type PostingKind,
  type PostingValues,
} from './posting';

const todayIso = () => new Date().toISOString().slice(0, 10);

export function PostingForm({ kind }: { kind: PostingKind }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [chosenSite, setChosenSite] = useState<string | null>(null);
  const { siteId, sites, fixed } = useSiteChoice(chosenSite);
  const keys = useKeys(kind);
  const owners = useOwners();
  const warehouses = useWarehouses(siteId);
  const zones = useZones(siteId);
  const units = useUnits();
  const whList = warehouses.data ?? [];
  const zoneList = zones.data ?? [];
  const facts = {
    warehouses: new Map(whList.map((w) => [w.id, w])),
    zones: new Map(zoneList.map((z) => [z.id, z])),
    units: new Map((units.data ?? []).map((u) => [u.code, u])),
  };
  const form = useForm<PostingValues>({
    initialValues: emptyPosting(todayIso()),
    validate: (v) => checkPosting(t, kind, v, facts),
  });
  const [general, setGeneral] = useState<string | null>(null);
  const [pending, setPending] = useState<Warning[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [proposing, setProposing] = useState<number | null>(null);
  const [result, setResult] = useState<{ result: PostResult; values: PostingValues } | null>(null);
  const v = form.getValues();
  const ownerList = owners.data ?? [];
  if (!form.getValues().ownerId && ownerList.length === 1) form.setFieldValue('ownerId', ownerList[0]!.id);

  const showError = (e: unknown) => {
    const field = errorField(e);
    const path = field ? formPath(field) : null;
    if (path && path.split('.')[0]! in form.getValues()) form.setFieldError(path, errorText(t, e));
    else setGeneral(errorText(t, e));
  };
  const post = async (values: PostingValues) => {
    setBusy(true);
    try {
      const res = await api.post<PostResult>(`/api/postings/${kind}`, postingBody(kind, siteId!, values));
      setResult({ result: res, values });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = form.onSubmit(async (values) => {
    setGeneral(null);
    if (!siteId) {
      setGeneral(t('postingsUi.chooseSite'));
      return;
    }
    if (kind === 'receipt') {
      await post(values);
      return;
    }
    setBusy(true);
    try {
      const { warnings } = await api.post<{ warnings: Warning[] }>(
        `/api/postings/${kind}/check`,
        postingBody(kind, siteId, values),
      );
      setBusy(false);
      if (warnings.length > 0) {
        setPending(warnings);
        return;
      }
    } catch (e) {
      setBusy(false);
      showError(e);
      return;
    }
    await post(values);
  });
  const proposeLots = async (index: number) => {
    const line = form.getValues().lines[index]!;
    const err = checkPosting(t, kind, form.getValues(), facts);
    if (!line.item || !line.from.warehouseId || err[`lines.${index}.quantity`]) {
      form.validateField(`lines.${index}.quantity`);
      if (!line.item) form.setFieldError(`lines.${index}.item`, t('form.required'));
      if (!line.from.warehouseId) form.setFieldError(`lines.${index}.from.warehouseId`, t('form.required'));
      return;
    }
    setProposing(index);
    try {
      const p = await api.get<LotProposal>(`/api/item-master/items/${line.item.id}/lot-proposal`, {
        warehouseId: line.from.warehouseId,
        quantity: line.quantity.trim(),
        ...(v.postingDate ? { postingDate: v.postingDate } : {}),
      });
      if (p.lines.length === 0) {
        form.setFieldError(`lines.${index}.lot`, t('postingsUi.noLots'));
        return;
      }
      const split = p.lines.map((l, i) =>
        i === 0
          ? { ...line, lot: l.lot, quantity: l.quantity }
          : { ...emptyLine(line.from), item: line.item, lot: l.lot, quantity: l.quantity },
      );
      const lines = [...form.getValues().lines];
      lines.splice(index, 1, ...split);
      form.setFieldValue('lines', lines);
      if (p.shortfall !== '0')
        form.setFieldError(`lines.${index}.lot`, t('postingsUi.shortfall', { quantity: fmt.quantity(p.shortfall) }));
    } catch (e) {
      showError(e);
    } finally {
      setProposing(null);
    }
  };

  if (result) {
    return (
      <PostingResult
        kind={kind}
        result={result.result}
        values={result.values}
        warehouses={whList}
        zones={zoneList}
        onAgain={() => {
          form.setValues({
            ...emptyPosting(form.getValues().postingDate ?? todayIso()),
            keyCode: v.keyCode,
            ownerId: v.ownerId,
          });
          setResult(null);
        }}
      />
    );
  }
  return (
    <form onSubmit={submit} noValidate data-testid={`posting-${kind}`}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {!fixed && (
            <Select
              label={t('postingsUi.site')}
              data={sites.map((s) => ({ value: s.id, label: codeName(s) }))}
              value={siteId}
              onChange={setChosenSite}
              data-testid="posting-site"
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Select
            label={t('postingsUi.key')}
            withAsterisk
            searchable
            allowDeselect={false}
            data-testid="posting-key"
            {...form.getInputProps('keyCode')}
            data={(keys.data ?? []).map((k) => ({
              value: k.code,
              label: k.description ? `${k.code} · ${k.description}` : k.code,
            }))}
            nothingFoundMessage={t('postingsUi.noKeys')}
            comboboxProps={{ withinPortal: true }}
          />
          <DateInput
            label={t('postingsUi.postingDate')}
            withAsterisk
            valueFormat="L"
            data-testid="posting-date"
            {...form.getInputProps('postingDate')}
          />
          <Select
            label={t('postingsUi.owner')}
            withAsterisk
            searchable
            allowDeselect={false}
            data-testid="posting-owner"
            {...form.getInputProps('ownerId')}
            data={ownerList.map((o) => ({ value: o.id, label: codeName(o) }))}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('postingsUi.reference')}
            description={t('postingsUi.referenceHint')}
            data-testid="posting-reference"
            {...form.getInputProps('reference')}
          />
        </SimpleGrid>
        {keys.data && keys.data.length === 0 && (
          <Alert color="yellow">{t('postingsUi.noKeysHint', { kind: t(`postingsUi.kind.${kind}`) })}</Alert>
        )}
        {v.lines.map((l, i) => (
          <PostingLine
            key={l.key}
            form={form}
            kind={kind}
            index={i}
            warehouses={whList}
            zones={zoneList}
            unitOf={(c) => c}
            onProposeLots={proposeLots}
            proposing={proposing === i}
          />
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            data-testid="posting-add-line"
            onClick={() => form.insertListItem('lines', emptyLine(v.lines.at(-1)?.from))}
          >
            {t('postingsUi.addLine')}
          </Button>
        </Group>
        {general && (
          <Alert color="red" data-testid="posting-error">
            {general}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="posting-submit">
            {t(`postingsUi.post.${kind}`)}
          </Button>
        </Group>
      </Stack>
      <Modal opened={pending !== null} onClose={() => setPending(null)} title={t('postingsUi.warningsTitle')} size="lg">
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
            {t('postingsUi.warningsIntro')}
          </Alert>
          <List data-testid="posting-warnings">
            {(pending ?? []).map((w, i) => (
              <List.Item key={i}>{warningText(t, fmt, w)}</List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="yellow"
              data-testid="posting-confirm"
              onClick={() => {
                setPending(null);
                void post(form.getValues());
              }}
            >
              {t('postingsUi.postAnyway')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
