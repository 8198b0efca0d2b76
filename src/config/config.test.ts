import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('runs the embedded demo on defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(2368);
    expect(config.host).toBe('127.0.0.1');
    expect(config.siteUrl).toBe('http://localhost:2368');
    expect(config.databaseUrl).toMatch(/^sqlite:.*data\/masthead\.db$/);
    expect(config.role).toBe('all');
    expect(config.demo).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names the bad variable and what it expects', () => {
    expect(() => loadConfig({ MASTHEAD_PORT: 'eighty' })).toThrow(
      'MASTHEAD_PORT must be a whole number from 0 to 65535; got "eighty".',
    );
    expect(() => loadConfig({ MASTHEAD_ROLE: 'boss' })).toThrow(
      /MASTHEAD_ROLE must be one of web, worker, all/,
    );
    expect(() => loadConfig({ MASTHEAD_TIMEZONE: 'Mars/Olympus' })).toThrow(
      /MASTHEAD_TIMEZONE must be an IANA time zone/,
    );
    expect(() => loadConfig({ MASTHEAD_SITE_URL: 'news.example' })).toThrow(ConfigError);
  });

  it('never prints a database password in its message', () => {
    expect(() => loadConfig({ MASTHEAD_DATABASE_URL: 'mysql://u:secret@db/x' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ MASTHEAD_DATABASE_URL: 'mysql://u:secret@db/x' });
    } catch (error) {
      expect(String(error)).not.toContain('secret');
    }
  });

  it('accepts PostgreSQL and a site URL behind a proxy', () => {
    const config = loadConfig({
      MASTHEAD_DATABASE_URL: 'postgres://masthead@db:5432/news',
      MASTHEAD_SITE_URL: 'https://news.example/',
      MASTHEAD_DEMO: 'false',
    });
    expect(config.databaseUrl).toBe('postgres://masthead@db:5432/news');
    expect(config.siteUrl).toBe('https://news.example');
    expect(config.demo).toBe(false);
  });

  it('trusts no proxy unless told which ones', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ MASTHEAD_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ MASTHEAD_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(
      loadConfig({ MASTHEAD_TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,fd00::/8, loopback' }).trustProxy,
    ).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', 'loopback']);
  });

  it('refuses a proxy setting it cannot check', () => {
    for (const bad of [
      'true',
      '*',
      '10.0.0.0/33',
      '::1/129',
      'proxy.internal',
      '10.0.0.1,',
      '1.5',
    ]) {
      expect(() => loadConfig({ MASTHEAD_TRUST_PROXY: bad }), bad).toThrow(
        /MASTHEAD_TRUST_PROXY must be a number of proxy hops/,
      );
    }
  });
});
