// Sources beyond --file register themselves here (kept apart so the file path has no API code).
import { apiSource } from './apiSource';
import { overviewSources } from './overviewCommand';

overviewSources.url = apiSource;
