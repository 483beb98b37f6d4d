/** Fictional visit files for the tests and the demo: no real patient data. */

/** One HL7 segment from its fields by number (SEG-1 is `fields[1]`). */
export function hl7Segment(name: string, fields: Record<number, string>): string {
  const last = Math.max(0, ...Object.keys(fields).map(Number));
  return [name, ...Array.from({ length: last }, (_, i) => fields[i + 1] ?? '')].join('|');
}

const MSH = (type: string, id: string) => `MSH|^~\\&|HIS|NORTH|VERITY|CLINIC|20261130153000||${type}|${id}|P|2.5`;

/** An ADT^A03 discharge; visit id, MRN and times can be changed. */
export function hl7Discharge(opts: { mrn?: string; visitId?: string; admitted?: string; discharged?: string } = {}): string {
  return [
    MSH('ADT^A03^ADT_A03', `MSG-${opts.visitId ?? 'V-H1'}`),
    'EVN|A03|20261130153000',
    hl7Segment('PID', {
      1: '1',
      3: `${opts.mrn ?? 'MRN-H1'}^^^NORTH^MR~99887^^^INS^SS`,
      5: 'Петров^Иван',
      7: '19700101',
      8: 'M',
      13: '+7 900 000-00-01^PRN^PH~^NET^Internet^ivan.petrov@example.test',
      15: 'ru',
    }),
    hl7Segment('PV1', { 1: '1', 2: 'I', 3: 'CARD^201^1^NORTH', 7: 'D01^Ivanova^Anna', 19: opts.visitId ?? 'V-H1', 44: opts.admitted ?? '20261128090000', 45: opts.discharged ?? '20261130150000' }),
  ].join('\r');
}

export const HL7_A03 = hl7Discharge();

export const HL7_A01 = [MSH('ADT^A01', 'MSG0002'), 'PID|1||MRN-H2^^^NORTH^MR||Doe^Jane', 'PV1|1|O|CARD|||||||||||||||||V-H2'].join('\r');

/** A bundle of three encounters of three patients (one contained, two bundle-level). */
export function fhirBundle(opts: { ended: Date[]; mrns?: string[] }): string {
  const mrns = opts.mrns ?? ['F-1', 'F-2', 'F-3'];
  const patient = (i: number) => ({
    resourceType: 'Patient',
    id: `p${i}`,
    identifier: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, value: mrns[i] }],
    name: [{ family: `Testova${i}`, given: ['Maria'] }],
    telecom: [
      { system: 'phone', value: `+7900000010${i}`, use: 'mobile' },
      { system: 'email', value: `maria${i}@example.test` },
    ],
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: i === 0 ? 'ru-RU' : 'en' }] }, preferred: true }],
  });
  const encounter = (i: number) => ({
    resourceType: 'Encounter',
    id: `e${i}`,
    identifier: [{ system: 'urn:his:visit', value: `FHIR-V${i}-${mrns[i]}` }],
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: i === 1 ? 'IMP' : 'AMB' },
    subject: { reference: i === 0 ? '#p0' : `Patient/p${i}` },
    ...(i === 0 ? { contained: [patient(0)] } : {}),
    period: { start: new Date(opts.ended[i]!.getTime() - 3_600_000).toISOString(), end: opts.ended[i]!.toISOString() },
    serviceProvider: { identifier: { value: 'card' }, display: 'Cardiology' },
    location: [{ location: { display: 'North campus' } }],
    participant: [{ individual: { display: 'Dr. Anna Ivanova' } }],
  });
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    meta: { fhirVersion: '4.0.1' },
    entry: [{ fullUrl: 'urn:uuid:p1', resource: patient(1) }, { resource: patient(2) }, ...opts.ended.map((_, i) => ({ resource: encounter(i) }))].filter(
      (e) => !(e.resource.resourceType === 'Patient' && e.resource.id === 'p0'),
    ),
  });
}
