/**
 * What a reader's card shows (DESIGN §1, §7), built from a compiled dataset: for a figure, the
 * quantity and every report of it; for a name, the entity and the reports that cite it, were
 * published by it or are about it. Pure: the background answers `card` messages with these, and
 * the content script renders them as text.
 */
import type {
  AttributionType,
  CompiledDataset,
  Entity,
  EntityKind,
  PartialDate,
  Quantity,
  Report,
  ReportValue,
} from './types';

/** An entity reference as a card shows it: the id and the display name. */
export interface CardEntityRef {
  id: string;
  name: string;
}

/** One report on a card. */
export interface CardReport {
  id: string;
  quantity: string;
  value: ReportValue;
  asOf: PartialDate;
  published: PartialDate;
  /** The outlet that published it (its id stands in for the name when the entity is missing). */
  outlet: CardEntityRef;
  /** Who is cited, when the dataset knows them. */
  source?: CardEntityRef;
  /** The chain of who is cited, in words. */
  chain?: string;
  attribution: AttributionType;
  url: string;
  summary: string;
  disputed?: { reason: string };
}

/** The quantity a figure card is about. */
export interface CardQuantity {
  id: string;
  label: string;
  unit: string;
  description?: string;
}

/** Data for a figure card: the quantity and every report of it, oldest `asOf` first. */
export interface FigureCardData {
  kind: 'figure';
  quantity: CardQuantity;
  reports: CardReport[];
}

/** A role with its organisation's name resolved. */
export interface CardRole {
  title: string;
  org?: CardEntityRef;
  from?: PartialDate;
  to?: PartialDate;
}

/** How an entity takes part in a report. */
export type ReportRelation = 'source' | 'outlet' | 'subject';

/** A report on a name card, with the quantity's label and how the entity takes part in it. */
export interface NameCardReport extends CardReport {
  quantityLabel: string;
  /** Every way the entity takes part, in the order source, outlet, subject. */
  relations: ReportRelation[];
}

/** Data for a name card: the entity and (up to a cap) the reports it takes part in, newest first. */
export interface NameCardData {
  kind: 'name';
  entity: {
    id: string;
    name: string;
    kind: EntityKind;
    description: string;
    roles: CardRole[];
    country?: string;
    party?: string;
    stateMedia?: boolean;
    links: string[];
  };
  reports: NameCardReport[];
  /** How many reports the entity takes part in (`reports` may hold fewer). */
  total: number;
}

export type CardData = FigureCardData | NameCardData;

/** How many reports a name card lists by default. */
export const NAME_CARD_REPORT_LIMIT = 50;

/** Lookups over one dataset, built once per dataset generation. */
export interface CardIndex {
  figureCard(quantityId: string): FigureCardData | null;
  nameCard(entityId: string, limit?: number): NameCardData | null;
}

/**
 * Indexes `dataset` for card lookups: `figureCard` answers `null` for an unknown quantity,
 * `nameCard` for an unknown entity. Returned objects are fresh and safe to send or mutate.
 */
export function createCardIndex(dataset: CompiledDataset): CardIndex {
  const entities = new Map<string, Entity>(dataset.entities.map((e) => [e.id, e]));
  const quantities = new Map<string, Quantity>(dataset.quantities.map((q) => [q.id, q]));
  const byQuantity = new Map<string, Report[]>();
  const byEntity = new Map<string, Report[]>();
  const add = (map: Map<string, Report[]>, key: string, report: Report) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [report]);
    else if (list[list.length - 1] !== report) list.push(report);
  };
  for (const report of dataset.reports) {
    add(byQuantity, report.quantity, report);
    for (const id of entityIdsOf(report)) add(byEntity, id, report);
  }
  const ref = (id: string): CardEntityRef => ({ id, name: entities.get(id)?.name ?? id });

  return {
    figureCard(quantityId) {
      const quantity = quantities.get(quantityId);
      if (quantity === undefined) return null;
      const reports = (byQuantity.get(quantityId) ?? []).map((r) => toCardReport(r, ref));
      reports.sort((a, b) => comparePartialDates(a.asOf, b.asOf) || a.id.localeCompare(b.id));
      const card: CardQuantity = { id: quantity.id, label: quantity.label, unit: quantity.unit };
      if (quantity.description !== undefined) card.description = quantity.description;
      return { kind: 'figure', quantity: card, reports };
    },
    nameCard(entityId, limit = NAME_CARD_REPORT_LIMIT) {
      const entity = entities.get(entityId);
      if (entity === undefined) return null;
      const all = [...(byEntity.get(entityId) ?? [])].sort(
        (a, b) =>
          comparePartialDates(b.asOf, a.asOf) ||
          comparePartialDates(b.published, a.published) ||
          a.id.localeCompare(b.id),
      );
      const reports = all.slice(0, Math.max(0, limit)).map((r) => ({
        ...toCardReport(r, ref),
        quantityLabel: quantities.get(r.quantity)?.label ?? r.quantity,
        relations: relationsOf(r, entityId),
      }));
      const data: NameCardData = {
        kind: 'name',
        entity: {
          id: entity.id,
          name: entity.name,
          kind: entity.kind,
          description: entity.description,
          roles: (entity.roles ?? []).map((role) => {
            const out: CardRole = { title: role.title };
            if (role.org !== undefined) out.org = ref(role.org);
            if (role.from !== undefined) out.from = role.from;
            if (role.to !== undefined) out.to = role.to;
            return out;
          }),
          links: [...(entity.links ?? [])],
        },
        reports,
        total: all.length,
      };
      if (entity.country !== undefined) data.entity.country = entity.country;
      if (entity.party !== undefined) data.entity.party = entity.party;
      if (entity.stateMedia !== undefined) data.entity.stateMedia = entity.stateMedia;
      return data;
    },
  };
}

/** The entity ids a report mentions: source, outlet, subjects (may repeat). */
function entityIdsOf(report: Report): string[] {
  const ids = [report.outlet, ...report.subjects];
  if (report.source !== undefined) ids.unshift(report.source);
  return ids;
}

/** How `entityId` takes part in `report`, in the order source, outlet, subject. */
export function relationsOf(report: Report, entityId: string): ReportRelation[] {
  const relations: ReportRelation[] = [];
  if (report.source === entityId) relations.push('source');
  if (report.outlet === entityId) relations.push('outlet');
  if (report.subjects.includes(entityId)) relations.push('subject');
  return relations;
}

function toCardReport(report: Report, ref: (id: string) => CardEntityRef): CardReport {
  const card: CardReport = {
    id: report.id,
    quantity: report.quantity,
    value: { ...report.value },
    asOf: report.asOf,
    published: report.published,
    outlet: ref(report.outlet),
    attribution: report.attribution,
    url: report.url,
    summary: report.summary,
  };
  if (report.source !== undefined) card.source = ref(report.source);
  if (report.chain !== undefined) card.chain = report.chain;
  if (report.disputed !== undefined) card.disputed = { reason: report.disputed.reason };
  return card;
}

/**
 * Orders partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) chronologically; a less precise date
 * sorts before the more precise dates inside it ("2024" < "2024-10" < "2024-10-18").
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  // Zero-padded ISO prefixes: plain string order is chronological, and a prefix sorts first.
  return a < b ? -1 : a > b ? 1 : 0;
}
