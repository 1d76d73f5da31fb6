// The back office's navigation: groups of screens, with who may see them. A counter sees only what counting
// needs; managers see stock and settings; the administrator also users and the first set-up.
import {
  IconAdjustments,
  IconAlertTriangle,
  IconArrowsExchange,
  IconBarcode,
  IconBuildingWarehouse,
  IconCalendar,
  IconCalendarRepeat,
  IconMessageQuestion,
  IconCategory,
  IconClipboardList,
  IconHash,
  IconKey,
  IconLock,
  IconPackage,
  IconRuler,
  IconSettings,
  IconStack2,
  IconTag,
  IconTemplate,
  IconUsers,
  IconWand,
  IconCurrencyEuro,
  IconListNumbers,
} from '@tabler/icons-react';
import type { Role } from '../api/models';

export interface NavEntry {
  to: string;
  key: string;
  icon: typeof IconPackage;
  roles?: readonly Role[];
}
export interface NavGroup {
  key: string;
  entries: NavEntry[];
}

const MANAGERS = ['admin', 'manager'] as const;
const ADMIN = ['admin'] as const;

export const NAV: NavGroup[] = [
  {
    key: 'nav.groupCounting',
    entries: [
      { to: '/inventories', key: 'nav.inventories', icon: IconClipboardList },
      { to: '/cycle-counting', key: 'nav.cycle', icon: IconCalendarRepeat, roles: MANAGERS },
    ],
  },
  {
    key: 'nav.groupStock',
    entries: [
      // System quantities are for managers: a counter on a blind inventory must not look them up here.
      { to: '/stock', key: 'nav.stock', icon: IconStack2, roles: MANAGERS },
      { to: '/postings', key: 'nav.postings', icon: IconArrowsExchange, roles: MANAGERS },
      { to: '/reservations', key: 'nav.reservations', icon: IconLock, roles: MANAGERS },
      { to: '/posting-errors', key: 'nav.postingErrors', icon: IconAlertTriangle, roles: MANAGERS },
    ],
  },
  {
    key: 'nav.groupMaster',
    entries: [
      { to: '/items', key: 'nav.items', icon: IconPackage },
      { to: '/places', key: 'nav.places', icon: IconBuildingWarehouse },
    ],
  },
  {
    key: 'nav.groupSettings',
    entries: [
      { to: '/settings/units', key: 'nav.units', icon: IconRuler, roles: MANAGERS },
      { to: '/settings/classifications', key: 'nav.classifications', icon: IconCategory, roles: MANAGERS },
      { to: '/item-settings/classes', key: 'nav.itemClasses', icon: IconHash, roles: MANAGERS },
      { to: '/item-settings/templates', key: 'nav.templates', icon: IconTemplate, roles: MANAGERS },
      { to: '/item-settings/gs1', key: 'nav.gs1', icon: IconBarcode, roles: MANAGERS },
      { to: '/item-settings/lot-classes', key: 'nav.lotClasses', icon: IconTag, roles: MANAGERS },
      { to: '/item-settings/price-lists', key: 'nav.priceLists', icon: IconCurrencyEuro, roles: MANAGERS },
      { to: '/item-settings/barcode-rules', key: 'nav.barcodeRules', icon: IconAdjustments, roles: MANAGERS },
      { to: '/settings/transaction-keys', key: 'nav.transactionKeys', icon: IconKey, roles: MANAGERS },
      { to: '/settings/numbering', key: 'nav.numbering', icon: IconListNumbers, roles: MANAGERS },
      { to: '/settings/inventory-types', key: 'nav.inventoryTypes', icon: IconSettings, roles: MANAGERS },
      { to: '/settings/periods', key: 'nav.periods', icon: IconCalendar, roles: MANAGERS },
      { to: '/settings/reason-codes', key: 'tolerance.nav', icon: IconMessageQuestion, roles: MANAGERS },
      { to: '/users', key: 'nav.users', icon: IconUsers, roles: ADMIN },
      { to: '/setup', key: 'nav.setup', icon: IconWand, roles: ADMIN },
    ],
  },
];

export function visibleNav(role: Role | undefined): NavGroup[] {
  return NAV.map((g) => ({
    ...g,
    entries: g.entries.filter((e) => !e.roles || (role && e.roles.includes(role))),
  })).filter((g) => g.entries.length > 0);
}
