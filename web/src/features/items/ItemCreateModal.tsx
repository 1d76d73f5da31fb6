// Create an item through the item-master API: the code may be left empty to generate it from an item class,
// a template seeds every field not given, and a barcode can be generated (EAN-8/13 from the GS1 company prefix)
// or the code declared one. Checked here as the server checks it; the server's errors land on their field.
import { useState } from 'react';
import { Alert, Anchor, Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, client, unwrap } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/models';
import { errorField, errorText, notifyOk } from '../../components/errors';
import { isValidGtin } from '../../../../src/domain/barcode/gtin';
import { gtinProblem } from '../itemsettings/gtin';
import { useBarcodeSettings } from '../itemsettings/Gs1Settings';
import { DescriptionInput, descriptionProblem } from './DescriptionInput';
import { codeOptions, useItemClasses, useSerialClasses, useTemplates, useUnits } from './masterData';

type CreateBody = BodyOf<'/api/item-master/items', 'post'>;
type Created = ResponseOf<'/api/item-master/items', 'post'>;
type BarcodeMode = 'none' | 'ean8' | 'ean13' | 'item_code';
const CODE_TYPES = ['ean8', 'ean13', 'upca', 'gtin14', 'code128', 'code39'] as const;
const GTIN_LENGTH: Partial<Record<(typeof CODE_TYPES)[number], number>> = { ean8: 8, ean13: 13, upca: 12, gtin14: 14 };

export interface CreateForm {
  code: string;
  itemClass: string | null;
  template: string | null;
  description: string;
  primaryUnit: string | null;
  lotManagement: 'no' | 'yes' | 'auto';
  serialManagement: boolean;
  serialClass: string | null;
  barcode: BarcodeMode;
  codeType: (typeof CODE_TYPES)[number];
}
type Errors = Partial<Record<keyof CreateForm, string>>;
const blank = (): CreateForm => ({
  code: '',
  itemClass: null,
  template: null,
  description: '',
  primaryUnit: null,
  lotManagement: 'no',
  serialManagement: false,
  serialClass: null,
  barcode: 'none',
  codeType: 'code128',
});

/** The request of the form: only what was given, so the template and the item class fill the rest. */
export function createBody(f: CreateForm): CreateBody {
  const item: CreateBody['item'] = {};
  if (f.code.trim()) item.code = f.code.trim();
  if (f.description.trim()) item.description = f.description.trim();
  if (f.primaryUnit) item.primaryUnit = f.primaryUnit;
  if (f.lotManagement !== 'no') item.lotManagement = f.lotManagement;
  if (f.serialManagement) {
    item.serialManagement = true;
    item.serialClass = f.serialClass;
  }
  const body: CreateBody = { item };
  if (f.itemClass) body.master = { itemClass: f.itemClass };
  if (f.template) body.template = f.template;
  if (f.barcode === 'item_code') body.barcode = { mode: 'item_code', type: f.codeType };
  else if (f.barcode !== 'none') body.barcode = { mode: f.barcode };
  return body;
}

/** What the server would refuse, per field; `gs1` lists the EAN kinds that have a company prefix. */
export function checkCreate(t: TFunction, f: CreateForm, gs1: ReadonlySet<string>): Errors {
  const e: Errors = {};
  const code = f.code.trim();
  if (code.length > 50 || /\s/.test(code)) e.code = t('itemsUi.codeRule');
  const desc = descriptionProblem(t, f.description, !f.template);
  if (desc) e.description = desc;
  if (!f.primaryUnit && !f.template) e.primaryUnit = t('form.required');
  if (f.serialManagement && !f.serialClass) e.serialClass = t('itemEdit.serialClassRequired');
  if ((f.barcode === 'ean8' || f.barcode === 'ean13') && !gs1.has(f.barcode)) e.barcode = t('itemsUi.noGs1Prefix');
  if (f.barcode === 'item_code') {
    const n = GTIN_LENGTH[f.codeType];
    if (!code) e.code = t('itemsUi.codeNeededForBarcode');
    else if (n !== undefined && (code.length !== n || !isValidGtin(code))) {
      const p = gtinProblem(code);
      e.code =
        p && code.length === n
          ? t('itemsUi.checkDigit', { expected: p.expected })
          : t('itemsUi.gtinLength', { type: f.codeType.toUpperCase(), n });
    }
  }
  return e;
}

/** Server field (item.code, master.itemClass, barcode.mode, template) → form field. */
const SERVER_FIELDS: Record<string, keyof CreateForm> = {
  'item.code': 'code',
  'item.description': 'description',
  'item.primaryUnit': 'primaryUnit',
  'item.serialClass': 'serialClass',
  'item.lotManagement': 'lotManagement',
  'master.itemClass': 'itemClass',
  itemClass: 'itemClass',
  template: 'template',
  'barcode.mode': 'barcode',
  'barcode.type': 'codeType',
  code: 'code',
};

export function ItemCreateModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (item: Created['item']) => void;
}) {
  const { t } = useTranslation();
  const [f, setF] = useState<CreateForm>(blank());
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const units = useUnits(opened);
  const classes = useItemClasses(opened);
  const templates = useTemplates(opened);
  const serialClasses = useSerialClasses(opened);
  const gs1 = useBarcodeSettings(opened);
  const gs1Kinds = new Set((gs1.data?.items ?? []).map((s) => s.kind));
  const close = () => {
    setF(blank());
    setErrors({});
    setGeneral(null);
    create.reset();
    onClose();
  };
  const create = useMutation({
    mutationFn: () => unwrap(client.POST('/api/item-master/items', { body: createBody(f) })),
    onSuccess: (r) => {
      notifyOk(
        r.generatedBarcode
          ? t('itemEdit.createdWithBarcode', { code: r.item.code, barcode: r.generatedBarcode })
          : t('itemEdit.created', { code: r.item.code }),
      );
      onCreated(r.item);
      close();
    },
    onError: (e) => {
      const field = SERVER_FIELDS[errorField(e) ?? ''];
      const text =
        e instanceof ApiError && e.code === 'coding.no_rule' && field === 'barcode'
          ? t('itemsUi.noGs1Prefix')
          : errorText(t, e);
      if (field) setErrors({ [field]: text });
      else setGeneral(text);
    },
  });
  const submit = () => {
    setGeneral(null);
    const e = checkCreate(t, f, gs1Kinds);
    setErrors(e);
    if (Object.keys(e).length === 0) create.mutate();
  };
  const set = (ch: Partial<CreateForm>) => {
    setF({ ...f, ...ch });
    const cleared = { ...errors };
    for (const k of Object.keys(ch) as Array<keyof CreateForm>) delete cleared[k];
    setErrors(cleared);
  };
  const noPrefix = (f.barcode === 'ean8' || f.barcode === 'ean13') && gs1.data && !gs1Kinds.has(f.barcode);
  return (
    <Modal opened={opened} onClose={close} size="lg" title={t('itemEdit.newItem')}>
      <Stack gap="sm" data-testid="item-create">
        <SimpleGrid cols={2}>
          <TextInput
            label={t('items.code')}
            placeholder={t('itemEdit.codeGenerated')}
            value={f.code}
            error={errors.code}
            onChange={(e) => set({ code: e.currentTarget.value })}
            data-testid="new-item-code"
          />
          <Select
            label={t('itemEdit.itemClass')}
            clearable
            searchable
            data={codeOptions(
              classes.data?.items.map((c) => ({ code: c.code, description: `${c.prefix}… ${c.description}`.trim() })),
            )}
            value={f.itemClass}
            onChange={(x) => set({ itemClass: x })}
            error={errors.itemClass}
            data-testid="new-item-class"
            description={
              classes.data?.items.length === 0 ? (
                <>
                  {t('itemsUi.noClasses')}{' '}
                  <Anchor component={Link} to="/item-settings/classes" size="xs">
                    {t('itemsUi.createOne')}
                  </Anchor>
                </>
              ) : (
                t('itemEdit.itemClassHelp')
              )
            }
          />
          <Select
            label={t('itemEdit.template')}
            clearable
            searchable
            data={(templates.data?.items ?? []).map((x) => ({
              value: x.code,
              label: `${x.code} · ${x.referenceItemCode}`,
            }))}
            value={f.template}
            onChange={(x) => set({ template: x })}
            error={errors.template}
            data-testid="new-item-template"
            description={
              templates.data?.items.length === 0 ? (
                <>
                  {t('itemsUi.noTemplates')}{' '}
                  <Anchor component={Link} to="/item-settings/templates" size="xs">
                    {t('itemsUi.createOne')}
                  </Anchor>
                </>
              ) : (
                t('itemEdit.templateHelp')
              )
            }
          />
          <DescriptionInput
            label={t('items.description')}
            value={f.description}
            error={errors.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            data-testid="new-item-description"
          />
          <Select
            label={t('itemEdit.primaryUnit')}
            searchable
            data={(units.data?.items ?? []).map((u) => ({
              value: u.code,
              label: u.description ? `${u.code} · ${u.description}` : u.code,
            }))}
            value={f.primaryUnit}
            onChange={(x) => set({ primaryUnit: x })}
            error={errors.primaryUnit}
            data-testid="new-item-unit"
          />
          <Select
            label={t('itemEdit.lotManagement')}
            allowDeselect={false}
            data={(['no', 'yes', 'auto'] as const).map((x) => ({ value: x, label: t(`lotManagement.${x}`) }))}
            value={f.lotManagement}
            onChange={(x) => x && set({ lotManagement: x as CreateForm['lotManagement'] })}
            error={errors.lotManagement}
            data-testid="new-item-lot"
          />
        </SimpleGrid>
        <Group align="flex-end">
          <Switch
            label={t('items.serialManaged')}
            checked={f.serialManagement}
            onChange={(e) => set({ serialManagement: e.currentTarget.checked })}
            data-testid="new-item-serial"
          />
          {f.serialManagement && (
            <Select
              label={t('itemEdit.serialClass')}
              required
              searchable
              data={codeOptions(serialClasses.data?.items)}
              value={f.serialClass}
              onChange={(x) => set({ serialClass: x })}
              error={errors.serialClass ?? (!f.serialClass ? t('itemEdit.serialClassRequired') : undefined)}
              data-testid="new-item-serial-class"
            />
          )}
        </Group>
        <SimpleGrid cols={2}>
          <Select
            label={t('itemEdit.barcode')}
            allowDeselect={false}
            value={f.barcode}
            onChange={(x) => x && set({ barcode: x as BarcodeMode })}
            error={errors.barcode}
            data={(['none', 'ean8', 'ean13', 'item_code'] as const).map((x) => ({
              value: x,
              label: t(`itemEdit.barcodeMode.${x}`),
            }))}
            data-testid="new-item-barcode"
          />
          {f.barcode === 'item_code' && (
            <Select
              label={t('itemEdit.barcodeType')}
              allowDeselect={false}
              value={f.codeType}
              onChange={(x) => x && set({ codeType: x as CreateForm['codeType'] })}
              data={CODE_TYPES.map((x) => ({ value: x, label: x.toUpperCase() }))}
              error={errors.codeType}
              data-testid="new-item-code-type"
            />
          )}
        </SimpleGrid>
        {(noPrefix || errors.barcode) && (
          <Alert color="yellow" data-testid="new-item-gs1-hint">
            {t('itemsUi.gs1Hint', { kind: f.barcode === 'ean8' ? 'EAN-8' : 'EAN-13' })}{' '}
            <Anchor component={Link} to="/item-settings/gs1" onClick={close}>
              {t('itemsUi.gs1Link')}
            </Anchor>
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          {t('itemEdit.createHelp')}
        </Text>
        {general && (
          <Alert color="red" data-testid="new-item-error">
            {general}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending} data-testid="new-item-save">
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
