import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;
let instance: Nlp | null = null;

/** The shared wink-nlp instance (loading the model takes ~100 ms, so it is done once, lazily). */
export function nlp(): Nlp {
  instance ??= winkNLP(model);
  return instance;
}
