// Create an item through the item-master API: the code may be left empty to generate it from an item class,
// a template seeds every field not given, and a barcode can be generated (EAN-8/13) or the code declared one.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/models';
import { errorText, notifyOk } from '../../components/errors';
import { codeOptions, useItemClasses, useSerialClasses, useTemplates, useUnits } from './masterData';

type CreateBody = BodyOf<'/api/item-master/items', 'post'>;
type Created = ResponseOf<'/api/item-master/items', 'post'>;
type BarcodeMode = 'none' | 'ean8' | 'ean13' | 'item_code';
const CODE_TYPES = ['ean8', 'ean13', 'upca', 'gtin14', 'code128', 'code39'] as const;

export interface CreateForm {
  code: string; itemClass: string | null; template: string | null; description: string; primaryUnit: string | null;
  lotManagement: 'no' | 'yes' | 'auto'; serialManagement: boolean; serialClass: string | null;
  barcode: BarcodeMode; codeType: (typeof CODE_TYPES)[number];
}
const blank = (): CreateForm => ({
  code: '', itemClass: null, template: null, description: '', primaryUnit: null, lotManagement: 'no', serialManagement: false, serialClass: null,
  barcode: 'none', codeType: 'code128',
});

/** The request of the form: only what was given, so the template and the item class fill the rest. */
export function createBody(f: CreateForm): CreateBody {
  const item: CreateBody['item'] = {};
  if (f.code.trim()) item.code = f.code.trim();
  if (f.description.trim()) item.description = f.description.trim();
  if (f.primaryUnit) item.primaryUnit = f.primaryUnit;
  if (f.lotManagement !== 'no') item.lotManagement = f.lotManagement;
  if (f.serialManagement) { item.serialManagement = true; item.serialClass = f.serialClass; }
  const body: CreateBody = { item };
  if (f.itemClass) body.master = { itemClass: f.itemClass };
  if (f.template) body.template = f.template;
  if (f.barcode === 'item_code') body.barcode = { mode: 'item_code', type: f.codeType };
  else if (f.barcode !== 'none') body.barcode = { mode: f.barcode };
  return body;
}

export function ItemCreateModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (item: Created['item']) => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState<CreateForm>(blank());
  const units = useUnits(opened);
  const classes = useItemClasses(opened);
  const templates = useTemplates(opened);
  const serialClasses = useSerialClasses(opened);
  const close = () => { setF(blank()); create.reset(); onClose(); };
  const create = useMutation({
    mutationFn: () => {
      if (f.serialManagement && !f.serialClass) throw new Error(t('itemEdit.serialClassRequired'));
      return unwrap(client.POST('/api/item-master/items', { body: createBody(f) }));
    },
    onSuccess: (r) => {
      notifyOk(r.generatedBarcode ? t('itemEdit.createdWithBarcode', { code: r.item.code, barcode: r.generatedBarcode }) : t('itemEdit.created', { code: r.item.code }));
      onCreated(r.item);
      close();
    },
  });
  const set = (ch: Partial<CreateForm>) => setF({ ...f, ...ch });
  return (
    <Modal opened={opened} onClose={close} size="lg" title={t('itemEdit.newItem')}>
      <Stack gap="sm" data-testid="item-create">
        <SimpleGrid cols={2}>
          <TextInput label={t('items.code')} placeholder={t('itemEdit.codeGenerated')} value={f.code} onChange={(e) => set({ code: e.currentTarget.value })} data-testid="new-item-code" />
          <Select label={t('itemEdit.itemClass')} clearable searchable data={codeOptions(classes.data?.items.map((c) => ({ code: c.code, description: `${c.prefix}… ${c.description}`.trim() })))}
            value={f.itemClass} onChange={(x) => set({ itemClass: x })} description={t('itemEdit.itemClassHelp')} />
          <Select label={t('itemEdit.template')} clearable searchable data={(templates.data?.items ?? []).map((x) => ({ value: x.code, label: `${x.code} · ${x.referenceItemCode}` }))}
            value={f.template} onChange={(x) => set({ template: x })} description={t('itemEdit.templateHelp')} />
          <TextInput label={t('items.description')} maxLength={40} value={f.description} onChange={(e) => set({ description: e.currentTarget.value })} data-testid="new-item-description" />
          <Select label={t('itemEdit.primaryUnit')} searchable data={(units.data?.items ?? []).map((u) => ({ value: u.code, label: u.description ? `${u.code} · ${u.description}` : u.code }))}
            value={f.primaryUnit} onChange={(x) => set({ primaryUnit: x })} data-testid="new-item-unit" />
          <Select label={t('itemEdit.lotManagement')} allowDeselect={false} data={(['no', 'yes', 'auto'] as const).map((x) => ({ value: x, label: t(`lotManagement.${x}`) }))}
            value={f.lotManagement} onChange={(x) => x && set({ lotManagement: x as CreateForm['lotManagement'] })} />
        </SimpleGrid>
        <Group align="flex-end">
          <Switch label={t('items.serialManaged')} checked={f.serialManagement} onChange={(e) => set({ serialManagement: e.currentTarget.checked })} />
          {f.serialManagement && (
            <Select label={t('itemEdit.serialClass')} required searchable data={codeOptions(serialClasses.data?.items)} value={f.serialClass}
              onChange={(x) => set({ serialClass: x })} error={!f.serialClass ? t('itemEdit.serialClassRequired') : undefined} />
          )}
        </Group>
        <SimpleGrid cols={2}>
          <Select label={t('itemEdit.barcode')} allowDeselect={false} value={f.barcode} onChange={(x) => x && set({ barcode: x as BarcodeMode })}
            data={(['none', 'ean8', 'ean13', 'item_code'] as const).map((x) => ({ value: x, label: t(`itemEdit.barcodeMode.${x}`) }))} />
          {f.barcode === 'item_code' && (
            <Select label={t('itemEdit.barcodeType')} allowDeselect={false} value={f.codeType} onChange={(x) => x && set({ codeType: x as CreateForm['codeType'] })}
              data={CODE_TYPES.map((x) => ({ value: x, label: x.toUpperCase() }))} />
          )}
        </SimpleGrid>
        <Text size="xs" c="dimmed">{t('itemEdit.createHelp')}</Text>
        {create.error && <Alert color="red">{errorText(t, create.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
          <Button onClick={() => create.mutate()} loading={create.isPending} data-testid="new-item-save">{t('common.create')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
