// Worker thread: parsing and fingerprinting for `indexArticles`; the main thread is the single writer.
import { prepareDoc } from './prepare.js';
import { serve } from './serve.js';

serve(prepareDoc);
