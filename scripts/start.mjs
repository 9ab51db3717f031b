// `npm start`: placeholder until the demo lands.
console.log(
  'ogone-checkout: the demo storefront is not built yet. Run `npm test` to see the protocol core at work.',
);
