// errorText: an API error in the user's language, by its code and params; a failed schema rule by its rule
// and limits; never the code itself.
import { describe, expect, it } from 'vitest';
import { useForm } from '@mantine/form';
import { Button, TextInput } from '@mantine/core';
import { fireEvent, screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import i18n from '../i18n/index';
import { renderUi } from '../test/render';
import { codeText, errorText } from './errors';
import { applyServerError } from './form';

const rule = (params: Record<string, unknown>, field = 'body.description') =>
  new ApiError(400, 'validation.failed', 'body.description: Too big', field, params);
const text = (lang: string, e: unknown) => errorText(i18n.getFixedT(lang), e);

describe('errorText', () => {
  it('says a failed length rule with its limit, in the plural form of the limit', () => {
    expect(text('en', rule({ rule: 'too_big', maximum: 40, origin: 'string', inclusive: true }))).toBe(
      'At most 40 characters',
    );
    expect(text('en', rule({ rule: 'too_big', maximum: 1, origin: 'string', inclusive: true }))).toBe(
      'At most 1 character',
    );
    expect(text('de', rule({ rule: 'too_big', maximum: 40, origin: 'string', inclusive: true }))).toBe(
      'Höchstens 40 Zeichen',
    );
    expect(text('pl', rule({ rule: 'too_big', maximum: 5, origin: 'string', inclusive: true }))).toBe(
      'Najwyżej 5 znaków',
    );
    expect(text('pl', rule({ rule: 'too_big', maximum: 3, origin: 'string', inclusive: true }))).toBe(
      'Najwyżej 3 znaki',
    );
    expect(text('en', rule({ rule: 'too_small', minimum: 1, origin: 'string', inclusive: true }))).toBe(
      'Must not be empty',
    );
    expect(text('it', rule({ rule: 'too_small', minimum: 3, origin: 'string', inclusive: true }))).toBe(
      'Almeno 3 caratteri',
    );
  });

  it('says number limits, inclusive or not', () => {
    expect(text('en', rule({ rule: 'too_big', maximum: 6, origin: 'number', inclusive: true }))).toBe(
      'Must be at most 6',
    );
    expect(text('en', rule({ rule: 'too_small', minimum: 0, origin: 'number', inclusive: false }))).toBe(
      'Must be greater than 0',
    );
    expect(text('de', rule({ rule: 'too_small', minimum: 0, origin: 'int', inclusive: true }))).toBe(
      'Muss mindestens 0 sein',
    );
  });

  it('says required, type, format and allowed values', () => {
    expect(text('de', rule({ rule: 'required', expected: 'string' }))).toBe('Pflichtfeld');
    expect(text('en', rule({ rule: 'invalid_type', expected: 'number' }))).toBe('Must be a number');
    expect(text('en', rule({ rule: 'invalid_type', expected: 'tuple' }))).toBe('Not a valid value');
    expect(text('en', rule({ rule: 'invalid_format', format: 'regex', pattern: '^\\S+$' }))).toBe(
      'Not in the expected format',
    );
    expect(text('en', rule({ rule: 'invalid_value', values: ['single', 'cumulative'] }))).toBe(
      'Must be one of: single, cumulative',
    );
  });

  it('says a domain rule of validation.failed by its own message, an unknown schema rule generically, never a code', () => {
    const e = new ApiError(400, 'validation.failed', 'an item cannot be its own alternative', 'body.alternatives');
    expect(text('de', e)).toBe('an item cannot be its own alternative');
    const unknown = rule({ rule: 'some_future_rule' });
    expect(text('en', unknown)).toBe('Some of the input is not valid. Please check it.');
  });

  it('fills a domain error with its params', () => {
    const e = new ApiError(422, 'ledger.negative_stock', 'item A1: 5 requested, 2 available', 'body.lines.0.quantity', {
      available: '2',
      requested: '5',
    });
    expect(text('en', e)).toBe('Not enough stock: 5 requested, only 2 available.');
    expect(text('de', e)).toBe('Nicht genug Bestand: 5 angefordert, nur 2 vorhanden.');
    const closed = new ApiError(422, 'count.list_closed', 'count list 7 is closed', undefined, {
      countListNumber: '7',
      status: 'closed',
    });
    expect(text('it', closed)).toBe('La lista di conteggio 7 è chiusa e non può più essere modificata.');
  });

  it('says an error kept in a result by its code, or its message when the code or a param is missing', () => {
    expect(
      codeText(i18n.getFixedT('de'), { code: 'ledger.stock_locked', message: 'stock is locked by count list CL-1' }),
    ).toBe(
      'Der Bestand ist durch eine offene Zählliste gesperrt. Die Buchung wird gebucht, sobald die Liste abgeschlossen ist.',
    );
    expect(
      codeText(i18n.getFixedT('en'), { code: 'ledger.negative_stock', message: 'item A1: 5 requested, 2 available' }),
    ).toBe('item A1: 5 requested, 2 available');
    expect(
      codeText(i18n.getFixedT('en'), {
        code: 'count.list_closed',
        message: 'closed',
        params: { countListNumber: null },
      }),
    ).toBe('closed');
    expect(codeText(i18n.getFixedT('en'), { code: 'future.code' })).toBe('Not possible');
    expect(text('en', new ApiError(422, 'ledger.negative_stock', 'item A1: 5 requested, 2 available'))).toBe(
      'item A1: 5 requested, 2 available',
    );
  });

  it('falls back to the server message for a code it cannot translate', () => {
    const e = new ApiError(422, 'future.code', 'something new went wrong');
    expect(text('de', e)).toBe('something new went wrong');
  });
});

function Probe({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const form = useForm({ mode: 'uncontrolled', initialValues: { description: '' } });
  return (
    <form
      onSubmit={form.onSubmit(() => {
        applyServerError(form, t, error);
      })}
    >
      <TextInput label="Description" key={form.key('description')} {...form.getInputProps('description')} />
      <Button type="submit">Save</Button>
    </form>
  );
}

describe('a schema rule on a form field', () => {
  it('shows the translated rule under the field the server names', async () => {
    renderUi(<Probe error={rule({ rule: 'too_big', maximum: 40, origin: 'string', inclusive: true })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('At most 40 characters')).toBeTruthy();
    expect(screen.queryByText(/validation|too_big/)).toBeNull();
  });
});
