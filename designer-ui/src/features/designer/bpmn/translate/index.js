import translate from './translate.js';

export default {
  translate: ['value', translate],
};
