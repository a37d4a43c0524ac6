// Scenario commands of the two generals (lesson 14): set the protocol going, and play the enemy.
import { argNumber, CommandError, type CommandSpec } from '../core/command.ts';
import { formatDuration } from '../core/duration.ts';
import { EAST, GENERALS, MAX_ROUNDS, receiverOf, senderOf, VALLEY, WEST, type GeneralsState } from './state.ts';
import { GENERALS_SYS, sendMessenger } from './system.ts';

export const generalsCommands: CommandSpec[] = [
  {
    name: 'generals.start', sys: GENERALS_SYS,
    summary: 'Two generals, east and west, agree by messenger across the valley: east sends the plan, then each arrival is confirmed, `rounds` times; at dawn each attacks only if every messenger sent to it arrived.',
    args: [
      { name: 'rounds', type: 'int', default: '1', doc: `confirmation rounds after the plan, 0 to ${MAX_ROUNDS} (the protocol sends rounds+1 messengers)` },
      { name: 'dawn', type: 'duration', default: '1s', doc: 'how long from now until both generals must decide' },
      { name: 'loss', type: 'prob', default: '0', doc: 'chance the valley catches a messenger without an order (0..1 or a percentage)' },
    ],
    example: 'generals.start rounds=2 dawn=1s',
    run: (sim, a) => {
      const rounds = argNumber(a, 'rounds');
      const dawn = argNumber(a, 'dawn');
      const loss = argNumber(a, 'loss');
      if (!Number.isInteger(rounds) || rounds < 0 || rounds > MAX_ROUNDS) throw new CommandError(`rounds= must be 0 to ${MAX_ROUNDS}, got ${rounds}`);
      if (dawn < 1) throw new CommandError(`dawn= must be at least 1ms, got ${dawn}ms`);
      for (const id of [EAST, WEST, VALLEY]) if (sim.nodes().some((x) => x.id === id)) throw new CommandError(`the name ${id} is taken by another node; the generals need east, west and valley`);
      sim.act<GeneralsState>(GENERALS_SYS, `generals.start rounds=${rounds} dawn=${formatDuration(dawn)}${loss > 0 ? ` loss=${loss}` : ''}`, (st, ctx) => {
        if (st.started) throw new CommandError('the generals are already on their hills');
        st.started = true;
        st.rounds = rounds;
        st.loss = loss;
        st.startedAt = ctx.now;
        st.dawn = ctx.now + dawn;
        for (const id of [EAST, VALLEY, WEST]) ctx.addNode(id);
        for (let k = 1; k <= rounds + 1; k++) {
          st.messengers.push({ k, from: senderOf(k), to: receiverOf(k), fate: 'unsent', pastValley: false, sentAt: null, doneAt: null, caughtBy: null });
        }
        for (const g of GENERALS) ctx.setTimer(g, dawn, 'dawn');
        sendMessenger(st, 1, ctx);
      });
    },
  },
  {
    name: 'generals.ambush', sys: GENERALS_SYS,
    summary: 'Play the enemy: order messenger k caught when it reaches the valley (before it leaves, or while it is on its way down).',
    args: [{ name: 'messenger', type: 'int', required: true, doc: 'the messenger number, 1 (the plan) to rounds+1 (the last confirmation)' }],
    example: 'generals.ambush messenger=3', setup: 'generals.start rounds=2',
    run: (sim, a) => {
      const k = argNumber(a, 'messenger');
      sim.act<GeneralsState>(GENERALS_SYS, `generals.ambush messenger=${k}`, (st) => {
        if (!st.started) throw new CommandError('no generals yet; start them with generals.start rounds=1');
        const m = st.messengers[k - 1];
        if (!m) throw new CommandError(`there is no messenger ${k}; this protocol sends messengers 1 to ${st.messengers.length}`);
        if (m.fate === 'arrived' || m.fate === 'caught' || m.fate === 'late') throw new CommandError(`messenger ${k} is already ${m.fate}; the enemy is too late for it`);
        if (m.pastValley) throw new CommandError(`messenger ${k} is already past the valley; drop its flight by hand (drop msg=<id>) instead`);
        if (st.ambush.includes(k)) throw new CommandError(`messenger ${k} is already ordered caught`);
        st.ambush.push(k);
      });
    },
  },
];
