import { pgSchemas } from '../helpers/pg.js';
import { storeConformance } from './conformance.js';

const schemas = pgSchemas('unspun_conformance');
storeConformance('PostgreSQL', { fresh: () => schemas.url(), cleanup: () => schemas.dropAll() });
