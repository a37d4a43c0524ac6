// The steady-rate producer shared by the SQS, RabbitMQ, pub/sub and stream systems (not a system itself:
// each of those registers its own `<system>.producer` command with it).
export { rateProducer, type HasRateProducers, type ProducerKind, type RateProducer, type RateProducerParts } from './rate.ts';
