// Stock postings by hand: receipt, issue and transfer, and the opening-stock import from CSV/XLSX.
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OpeningStockImport } from './OpeningStockImport';
import { PostingForm } from './PostingForm';

export default function PostingsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={3}>{t('nav.postings')}</Title>
      <Tabs defaultValue="receipt" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="receipt" data-testid="tab-receipt">
            {t('postingsUi.kind.receipt')}
          </Tabs.Tab>
          <Tabs.Tab value="issue" data-testid="tab-issue">
            {t('postingsUi.kind.issue')}
          </Tabs.Tab>
          <Tabs.Tab value="transfer" data-testid="tab-transfer">
            {t('postingsUi.kind.transfer')}
          </Tabs.Tab>
          <Tabs.Tab value="opening" data-testid="tab-opening">
            {t('postingsUi.import.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="receipt" pt="md">
          <PostingForm kind="receipt" />
        </Tabs.Panel>
        <Tabs.Panel value="issue" pt="md">
          <PostingForm kind="issue" />
        </Tabs.Panel>
        <Tabs.Panel value="transfer" pt="md">
          <PostingForm kind="transfer" />
        </Tabs.Panel>
        <Tabs.Panel value="opening" pt="md">
          <OpeningStockImport />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
