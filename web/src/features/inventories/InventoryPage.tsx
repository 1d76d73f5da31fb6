// One inventory: header, actions (Start / Verify / Close / Delete) with the rules' errors shown, the
// count-list table with open/close/print/delete on the selected lists, generation, and live job progress. The
// outcomes of closing, generating and verifying stay on screen until dismissed (InventoryResults).
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Menu, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IconChevronDown,
  IconPlayerPlay,
  IconLock,
  IconChecks,
  IconTrash,
  IconCopy,
  IconListDetails,
  IconPrinter,
  IconUserShare,
  IconLockOff,
  IconScale,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type {
  CloseInventoryResult,
  CountListRow,
  GenerationResult,
  Inventory,
  Job,
  Owner,
  ResponseOf,
  UserRow,
} from '../../api/models';
import { VirtualTable } from '../../components/VirtualTable';
import { usePaged } from '../../components/usePaged';
import { codeText, errorText, notifyError, notifyOk } from '../../components/errors';
import { useFormat } from '../../components/format';
import { CountFileActions } from '../countfiles/CountFileActions';
import { ManualCloseDialog } from '../listadmin/ManualCloseDialog';
import { ReassignDialog } from '../listadmin/ReassignDialog';
import { STATUS_COLOR } from './InventoriesPage';
import { GenerateDialog, type CountType } from './GenerateDialog';
import { GenerationRunAlert } from './GenerationRunAlert';
import { JobProgress } from './JobProgress';
import { PrintDialog } from './PrintDialog';
import { SamplePanel } from './SamplePanel';
import { ApprovalsPanel } from './ApprovalsPanel';
import {
  CloseResultPanel,
  GenerationResultPanel,
  VerifyModal,
  VerifyResultPanel,
  isCloseResult,
} from './InventoryResults';

export default function InventoryPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const nav = useNavigate();
  const qc = useQueryClient();
  const inv = useQuery({ queryKey: ['inventory', id], queryFn: () => api.get<Inventory>(`/api/inventories/${id}`) });
  const owners = useQuery({
    queryKey: ['owners'],
    queryFn: () => api.get<{ items: Owner[] }>('/api/owners', { limit: 1000 }),
  });
  const lists = usePaged<CountListRow>(`/api/inventories/${id}/count-lists`, {}, 500);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [gen, setGen] = useState<CountType | null>(null);
  const [jobs, setJobs] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [closeResult, setCloseResult] = useState<CloseInventoryResult | null>(null);
  const [genResult, setGenResult] = useState<GenerationResult | null>(null);
  const [verifying, setVerifying] = useState<string[] | null | false>(false);
  const [printing, setPrinting] = useState<string[] | null>(null);
  const [reassigning, setReassigning] = useState<string[] | null>(null);
  const [closingManually, setClosingManually] = useState<Array<{ id: string; number: string }> | null>(null);
  const [verifyResult, setVerifyResult] = useState<ResponseOf<'/api/inventories/{id}/verify', 'post'> | null>(null);
  const users = useQuery({
    queryKey: ['/api/users'],
    queryFn: () => api.get<{ items: UserRow[] }>('/api/users', { limit: 1000 }),
  });
  const userName = (uid: string | null) => {
    if (!uid) return '';
    const u = users.data?.items.find((x) => x.id === uid);
    return u ? u.displayName || u.username : `#${uid}`;
  };

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['inventory', id] });
    void lists.refetch();
  };
  const action = useMutation({
    mutationFn: async (a: { path: string; method?: 'POST' | 'DELETE'; body?: unknown }) =>
      a.method === 'DELETE' ? api.del<unknown>(a.path) : api.post<unknown>(a.path, a.body),
    onMutate: () => setError(null),
    onSuccess: (r) => {
      const jobId = (r as { jobId?: string } | undefined)?.jobId;
      if (jobId) setJobs((j) => [jobId, ...j]);
      else if (isCloseResult(r)) setCloseResult(r);
      else notifyOk(t('common.done'));
      refresh();
    },
    onError: (e) => {
      setError(errorText(t, e));
      notifyError(t, e);
    },
  });
  // Duplicate: the copy opens at once (SPEC §4.2: header and generation parameters, same site).
  const duplicate = useMutation({
    mutationFn: () => api.post<Inventory>(`/api/inventories/${id}/duplicate`),
    onSuccess: (c) => {
      notifyOk(t('inv.duplicated', { number: c.number }));
      // The same page shows the copy: what it showed of the source's jobs and results is not the copy's.
      setJobs([]);
      setError(null);
      setGenResult(null);
      setCloseResult(null);
      nav(`/inventories/${c.id}`);
    },
    onError: (e) => {
      setError(errorText(t, e));
      notifyError(t, e);
    },
  });
  const ids = [...selected];
  const onListsDone = (job: Job) => {
    refresh();
    if (job.status === 'failed') setError(job.error ? codeText(t, job.error) : t('jobStatus.failed'));
    else if (job.kind === 'inventory.close' && isCloseResult(job.result)) setCloseResult(job.result);
  };

  const i = inv.data;
  if (inv.error) return <Alert color="red">{errorText(t, inv.error)}</Alert>;
  if (!i) return null;
  const field = (label: string, value: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value ?? '—'}
      </Text>
    </div>
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={3} data-testid="inventory-number">
            {t('inv.inventory')} {i.number}
          </Title>
          <Badge size="lg" color={STATUS_COLOR[i.status]} data-testid="inventory-status">
            {t(`invStatus.${i.status}`)}
          </Badge>
        </Group>
        <Group gap="xs">
          <Menu>
            <Menu.Target>
              <Button
                variant="light"
                rightSection={<IconChevronDown size={14} />}
                disabled={i.status === 'closed'}
                data-testid="generate-menu"
              >
                {t('gen.generateLists')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {(['article', 'bin', 'differences'] as const).map((c) => (
                <Menu.Item key={c} onClick={() => setGen(c)} data-testid={`gen-${c}`}>
                  {t(`gen.title.${c}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          {id && (
            <CountFileActions
              scope={{ kind: 'inventory', id }}
              canImport={i.status === 'open'}
              onImported={() => void lists.refetch()}
            />
          )}
          <Button
            component={Link}
            to={`/inventories/${id}/differences`}
            variant="light"
            leftSection={<IconScale size={16} />}
            data-testid="inv-differences"
          >
            {t('differences.title')}
          </Button>
          <Button
            leftSection={<IconPlayerPlay size={16} />}
            color="green"
            disabled={i.status !== 'has_count_lists' && i.status !== 'created'}
            onClick={() => action.mutate({ path: `/api/inventories/${id}/start` })}
            data-testid="inv-start"
          >
            {t('inv.start')}
          </Button>
          <Button
            leftSection={<IconChecks size={16} />}
            variant="light"
            disabled={i.status !== 'open'}
            onClick={() => setVerifying(null)}
            data-testid="inv-verify"
          >
            {t('inv.verify')}
          </Button>
          <Button
            leftSection={<IconLock size={16} />}
            color="dark"
            disabled={i.status === 'closed'}
            onClick={() => {
              if (confirm(t('inv.confirmClose'))) action.mutate({ path: `/api/inventories/${id}/close` });
            }}
            data-testid="inv-close"
          >
            {t('inv.close')}
          </Button>
          <Button
            leftSection={<IconCopy size={16} />}
            variant="light"
            onClick={() => duplicate.mutate()}
            loading={duplicate.isPending}
            data-testid="inv-duplicate"
          >
            {t('inv.duplicate')}
          </Button>
          <Button
            leftSection={<IconTrash size={16} />}
            color="red"
            variant="subtle"
            disabled={i.status === 'closed'}
            onClick={() => {
              if (confirm(t('inv.confirmDelete')))
                action.mutate(
                  { path: `/api/inventories/${id}`, method: 'DELETE' },
                  { onSuccess: () => nav('/inventories') },
                );
            }}
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Group>
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)} data-testid="action-error">
          {error}
        </Alert>
      )}
      {jobs.map((j) => (
        <JobProgress key={j} jobId={j} onDone={onListsDone} />
      ))}
      {id && <GenerationRunAlert inventoryId={id} refresh={jobs.length} />}
      {closeResult && <CloseResultPanel result={closeResult} onClose={() => setCloseResult(null)} />}
      {genResult && <GenerationResultPanel result={genResult} onClose={() => setGenResult(null)} />}
      {verifyResult && <VerifyResultPanel result={verifyResult} onClose={() => setVerifyResult(null)} />}
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 6 }}>
          {field(t('inv.type'), i.typeCode)}
          {field(t('inv.owner'), owners.data?.items.find((o) => o.id === i.ownerId)?.code ?? i.ownerId)}
          {field(t('inv.fiscalYear'), i.fiscalYear)}
          {field(t('inv.stockTakingDate'), fmt.date(i.stockTakingDate) || null)}
          {field(t('inv.valuationPrice'), t(`valuation.${i.valuationPrice}`))}
          {field(t('inv.reportType'), t(`reportType.${i.reportType}`))}
          {field(t('inv.adjustmentKey'), i.adjustmentKey)}
          {field(t('inv.transferKey'), i.transferKey)}
          {field(t('inv.valueAdjustmentKey'), i.valueAdjustmentKey)}
          {field(t('inv.showSystemQuantities'), i.showSystemQuantities ? t('common.yes') : t('inv.blind'))}
          {field(t('inv.singleReportingRequired'), i.singleReportingRequired ? t('common.yes') : t('common.no'))}
          {field(t('inv.responsible'), userName(i.responsibleUserId) || '—')}
          {field(t('inv.countListSequence'), i.countListSequenceCode)}
          {field(t('inv.description'), i.description)}
        </SimpleGrid>
      </Card>
      {i.method === 'sample' && id && <SamplePanel inventoryId={id} onChanged={refresh} />}
      {id && <ApprovalsPanel inventoryId={id} onChanged={refresh} />}
      <Group justify="space-between">
        <Title order={4}>{t('cl.lists')}</Title>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('cl.selected', { count: ids.length })}
          </Text>
          <Button
            size="xs"
            disabled={!ids.length}
            onClick={() => action.mutate({ path: '/api/count-lists/open', body: { countListIds: ids } })}
            data-testid="lists-open"
          >
            {t('cl.open')}
          </Button>
          <Button size="xs" variant="light" disabled={!ids.length} onClick={() => setVerifying(ids)}>
            {t('inv.verify')}
          </Button>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPrinter size={14} />}
            disabled={!ids.length}
            onClick={() => setPrinting(ids)}
            data-testid="lists-print"
          >
            {t('print.action')}
          </Button>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconUserShare size={14} />}
            disabled={!ids.length}
            onClick={() => setReassigning(ids)}
            data-testid="lists-reassign"
          >
            {t('listAdmin.reassign.action')}
          </Button>
          <Button
            size="xs"
            variant="light"
            color="orange"
            leftSection={<IconLockOff size={14} />}
            disabled={!ids.length}
            onClick={() =>
              setClosingManually(
                ids.map((l) => ({ id: l, number: lists.rows.find((r) => r.id === l)?.number ?? `#${l}` })),
              )
            }
            data-testid="lists-manual-close"
          >
            {t('listAdmin.manualClose.action')}
          </Button>
          <Button
            size="xs"
            color="dark"
            disabled={!ids.length}
            onClick={() => {
              if (confirm(t('cl.confirmClose', { count: ids.length })))
                action.mutate({ path: '/api/count-lists/close', body: { countListIds: ids } });
            }}
            data-testid="lists-close"
          >
            {t('cl.close')}
          </Button>
          <Button
            size="xs"
            color="red"
            variant="subtle"
            disabled={!ids.length}
            onClick={() => {
              if (confirm(t('cl.confirmDelete', { count: ids.length })))
                for (const l of ids) action.mutate({ path: `/api/count-lists/${l}`, method: 'DELETE' });
              setSelected(new Set());
            }}
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Group>
      <VirtualTable
        rows={lists.rows}
        rowKey={(r) => r.id}
        loading={lists.loading}
        selected={selected}
        onSelectedChange={setSelected}
        height={360}
        onRowClick={(r) => nav(`/count-lists/${r.id}`)}
        testId="count-lists"
        columns={[
          { key: 'number', header: t('cl.number'), width: 130, render: (r) => <b>{r.number}</b> },
          { key: 'name', header: t('common.name'), grow: 1, width: 160, render: (r) => r.name },
          { key: 'type', header: t('cl.countType'), width: 110, render: (r) => t(`countType.${r.countType}`) },
          {
            key: 'status',
            header: t('common.status'),
            width: 170,
            render: (r) => (
              <Badge color={STATUS_COLOR[r.status]} title={r.statusReason ?? ''}>
                {t(`clStatus.${r.status}`)}
              </Badge>
            ),
          },
          {
            key: 'resp',
            header: t('cl.responsible'),
            width: 160,
            render: (r) => {
              // The responsible employee, then how many counters are assigned besides (all names on hover).
              const all = [userName(r.responsibleUserId), ...r.counters.map((c) => c.name)].filter(Boolean);
              return (
                <span title={all.join(', ')}>
                  {r.responsibleUserId
                    ? `${all[0]}${r.counters.length ? ` +${r.counters.length}` : ''}`
                    : all.join(', ')}
                </span>
              );
            },
          },
          {
            key: 'prog',
            header: t('cl.progress'),
            width: 110,
            align: 'right',
            render: (r) =>
              `${fmt.integer(r.items.reported + r.items.closed)} / ${fmt.integer(r.items.total - r.items.informational)}`,
          },
          { key: 'count', header: t('cl.countDate'), width: 110, render: (r) => fmt.date(r.countDate) },
          { key: 'opened', header: t('cl.opened'), width: 130, render: (r) => fmt.dateTime(r.openedAt) },
          { key: 'closed', header: t('cl.closed'), width: 130, render: (r) => fmt.dateTime(r.closedAt) },
          { key: 'go', header: '', width: 40, render: () => <IconListDetails size={16} /> },
        ]}
      />
      <GenerateDialog
        inventoryId={id!}
        countType={gen}
        onClose={() => setGen(null)}
        lastParams={i.generationParams}
        onJob={(j) => setJobs((js) => [j, ...js])}
        onGenerated={(r) => {
          notifyOk(t('gen.generated', { count: r.lists.length, items: fmt.integer(r.positions) }));
          setGenResult(r);
          refresh();
        }}
      />
      <PrintDialog countListIds={printing ?? []} opened={printing !== null} onClose={() => setPrinting(null)} />
      <ReassignDialog
        countListIds={reassigning ?? []}
        opened={reassigning !== null}
        onClose={() => setReassigning(null)}
        initialCounterIds={
          reassigning?.length === 1
            ? (lists.rows.find((r) => r.id === reassigning[0])?.counters ?? []).map((c) => c.userId)
            : []
        }
        onDone={(r) => {
          notifyOk(t('listAdmin.reassign.done', { count: r.countListIds.length, user: r.userLabel }));
          refresh();
        }}
      />
      <ManualCloseDialog
        lists={closingManually ?? []}
        opened={closingManually !== null}
        onClose={() => setClosingManually(null)}
        onDone={(n) => {
          notifyOk(t('listAdmin.manualClose.done', { count: n }));
          refresh();
        }}
      />
      <VerifyModal
        inventoryId={id!}
        countListIds={verifying || null}
        opened={verifying !== false}
        onClose={() => setVerifying(false)}
        onVerified={(r) => {
          setVerifyResult(r);
          refresh();
        }}
      />
    </Stack>
  );
}
