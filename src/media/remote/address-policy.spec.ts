import { AddressPolicy } from './address-policy';

describe('AddressPolicy', () => {
  const policy = new AddressPolicy([]);

  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '169.254.170.2',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00:ec2::254',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    '224.0.0.1',
  ])('refuses %s', (address) => {
    expect(policy.addressAllowed(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(policy.addressAllowed(address)).toBe(true);
    },
  );

  it('lets the operator allow named hosts, addresses and ranges', () => {
    const allowing = new AddressPolicy(['images.internal', '127.0.0.1', '10.20.0.0/16']);
    expect(allowing.hostAllowed('IMAGES.internal')).toBe(true);
    expect(allowing.addressAllowed('127.0.0.1')).toBe(true);
    expect(allowing.addressAllowed('10.20.5.5')).toBe(true);
    expect(allowing.addressAllowed('10.21.0.1')).toBe(false);
    expect(allowing.addressAllowed('not-an-ip')).toBe(false);
  });
});
