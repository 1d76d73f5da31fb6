// "Try a scan": the site's tokenizer (POST /api/barcodes/decode) on a typed or scanned string, shown as the
// handheld would read it — type, GS1 elements (AI, title, value), the fields pulled out (item, lot, serial,
// expiry, quantity, bin), the item the code finds, or the decode error with its position.
import { useState } from 'react';
import { Alert, Badge, Card, Code, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, client, unwrap, type Page } from '../../api/client';
import type { ResponseOf } from '../../api/models';
import { errorText } from '../../components/errors';
import { useFormat } from '../../components/format';

export type Decoded = ResponseOf<'/api/barcodes/decode', 'post'>;
type Fields = Extract<Decoded, { ok: true }>['fields'];
const GS = '\u001d';

/** What was typed, with {GS} (or a literal ␝) turned into the GS1 group separator a scanner sends. */
export const scanText = (typed: string) => typed.replace(/\{GS\}|␝/gi, GS);

/** The codes to look an item up by: a GTIN in each of its printed forms, else the item code or the plain data. */
export function lookupCodes(d: Decoded): { codes: string[]; field: 'searchCode' | 'any' } | null {
  if (!d.ok) return null;
  const gtin = d.fields.gtin ?? d.gtin14;
  if (gtin) {
    const forms = [gtin, gtin.slice(1), gtin.slice(2), gtin.slice(6)].filter(
      (f, i) => i === 0 || /^0+$/.test(gtin.slice(0, gtin.length - f.length)),
    );
    return { codes: [...new Set(forms.filter((f) => [8, 12, 13, 14].includes(f.length)))], field: 'searchCode' };
  }
  const code = d.fields.itemCode ?? (d.type === 'plain' ? d.data : undefined);
  return code ? { codes: [code], field: 'any' } : null;
}

interface ItemHit {
  id: string;
  code: string;
  description: string;
  primaryUnit: string;
}

export function TryScan({ siteId }: { siteId: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [typed, setTyped] = useState('');
  const [assume, setAssume] = useState<'auto' | 'gtin' | 'gs1'>('auto');
  const [text] = useDebouncedValue(typed, 250);
  const decoded = useQuery({
    queryKey: ['decode', siteId, text, assume],
    enabled: text !== '',
    queryFn: () =>
      unwrap(
        client.POST('/api/barcodes/decode', {
          body: { text: scanText(text), ...(siteId ? { siteId } : {}), ...(assume !== 'auto' ? { assume } : {}) },
        }),
      ),
  });
  const d = text !== '' ? decoded.data : undefined;
  const look = d ? lookupCodes(d) : null;
  const item = useQuery({
    queryKey: ['decode-item', look],
    enabled: !!look,
    queryFn: async () => {
      for (const code of look!.codes) {
        const r = await api.get<Page<ItemHit>>('/api/items', {
          q: code,
          field: look!.field,
          match: 'prefix',
          limit: 5,
        });
        const hit = r.items.find((x) => x.code === code) ?? (look!.field === 'searchCode' ? r.items[0] : undefined);
        if (hit) return hit;
      }
      return null;
    },
  });
  const fieldRows = d?.ok
    ? (Object.entries(d.fields) as Array<[keyof Fields, string | undefined]>).filter(([, v]) => v !== undefined)
    : [];
  const show = (k: keyof Fields, v: string) =>
    ['expiry', 'bestBefore', 'sellBy', 'productionDate', 'packDate', 'dueDate'].includes(k)
      ? fmt.date(v)
      : ['quantity', 'count', 'netWeightKg', 'grossWeightKg'].includes(k)
        ? fmt.quantity(v)
        : k === 'price'
          ? fmt.money(v, null)
          : v;
  return (
    <Card withBorder data-testid="try-scan">
      <Stack gap="sm">
        <Title order={5}>{t('itemSettings.scan.title')}</Title>
        <Group align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={t('itemSettings.scan.input')}
            description={t('itemSettings.scan.inputHelp')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            className="mono"
            data-testid="try-scan-input"
          />
          <SegmentedControl
            value={assume}
            onChange={(x) => setAssume(x as typeof assume)}
            data={(['auto', 'gtin', 'gs1'] as const).map((x) => ({
              value: x,
              label: t(`itemSettings.scan.assume.${x}`),
            }))}
          />
        </Group>
        {decoded.error && text !== '' && <Alert color="red">{errorText(t, decoded.error)}</Alert>}
        {d && !d.ok && (
          <Alert
            color="red"
            title={t(`itemSettings.scan.error.${d.error.code}`, { defaultValue: d.error.code.replace('barcode.', '') })}
            data-testid="try-scan-error"
          >
            <Text size="sm">{d.error.message}</Text>
            {d.error.position !== undefined && (
              <Code
                block
                mt="xs"
              >{`${scanText(text).replace(/\u001d/g, '␝')}\n${' '.repeat(Math.max(0, d.error.position))}^`}</Code>
            )}
          </Alert>
        )}
        {d?.ok && (
          <Stack gap="xs" data-testid="try-scan-result" data-type={d.type}>
            <Group gap="xs">
              <Badge color="green">{t(`itemSettings.scan.type.${d.type}`)}</Badge>
              {d.symbology && <Badge variant="light">{d.symbology}</Badge>}
              {d.rule && <Badge variant="outline">{t('itemSettings.scan.rule', { name: d.rule })}</Badge>}
              {d.gtin14 && (
                <Text size="sm">
                  GTIN-14 <span className="mono">{d.gtin14}</span>
                </Text>
              )}
            </Group>
            {look && (
              <Text size="sm" data-testid="try-scan-item">
                {t('itemSettings.scan.item')}:{' '}
                {item.data ? (
                  <b className="mono">{`${item.data.code} · ${item.data.description}`}</b>
                ) : item.isFetched ? (
                  <Text span c="orange">
                    {t('itemSettings.scan.noItem', { code: look.codes[0] })}
                  </Text>
                ) : (
                  '…'
                )}
              </Text>
            )}
            {d.elements.length > 0 && (
              <Table withTableBorder fz="sm" data-testid="try-scan-elements">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>AI</Table.Th>
                    <Table.Th>{t('itemSettings.scan.aiTitle')}</Table.Th>
                    <Table.Th>{t('itemSettings.scan.raw')}</Table.Th>
                    <Table.Th>{t('itemSettings.scan.value')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.elements.map((e, i) => (
                    <Table.Tr key={i}>
                      <Table.Td className="mono">({e.ai})</Table.Td>
                      <Table.Td>{e.title}</Table.Td>
                      <Table.Td className="mono">{e.raw}</Table.Td>
                      <Table.Td>
                        {e.value ?? ''}
                        {e.currency ? ` ${e.currency}` : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {fieldRows.length > 0 && (
              <Table withTableBorder fz="sm" data-testid="try-scan-fields">
                <Table.Tbody>
                  {fieldRows.map(([k, v]) => (
                    <Table.Tr key={k} data-testid={`try-scan-field-${k}`}>
                      <Table.Td w={200}>{t(`itemSettings.scan.field.${k}`)}</Table.Td>
                      <Table.Td className="mono">{show(k, v!)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {d.data !== undefined && d.type === 'plain' && (
              <Text size="sm" c="dimmed">
                {t('itemSettings.scan.plainHelp')}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
