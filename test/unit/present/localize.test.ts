import { strict as assert } from 'assert';
import { healthStatusLabel } from '../../../src/present/healthStatus';
import { parseTranslations, t, useTranslations } from '../../../src/present/localize';
import { sessionsCount } from '../../../src/present/numbers';

describe('present/localize', () => {
  afterEach(() => useTranslations(undefined));

  it('reads the English source strings without translations, with {0} places filled', () => {
    assert.equal(t('{0} crash-free', '99.00%'), '99.00% crash-free');
    assert.equal(healthStatusLabel('insufficient-data'), 'Insufficient data');
  });

  it('uses translations once given, and English again once taken back', () => {
    useTranslations({ Warning: 'Warnung', '{0} sessions': '{0} Sitzungen' });
    assert.equal(healthStatusLabel('warning'), 'Warnung');
    assert.equal(sessionsCount(1234), '1,234 Sitzungen');
    assert.equal(sessionsCount(1), '1 session');
    useTranslations(undefined);
    assert.equal(healthStatusLabel('warning'), 'Warning');
  });

  it('keeps only string translations from the page attribute, and nothing from bad JSON', () => {
    assert.deepEqual(parseTranslations('{"a":"b","c":1,"d":{"message":"x"}}'), { a: 'b' });
    assert.equal(parseTranslations('[1]'), undefined);
    assert.equal(parseTranslations('{'), undefined);
    assert.equal(parseTranslations(undefined), undefined);
  });
});
