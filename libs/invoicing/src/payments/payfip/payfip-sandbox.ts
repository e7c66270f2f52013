import express, { type Router } from 'express';
import { randomBytes } from 'node:crypto';
import type { Clock } from '#ardoise/commands';
import {
  createPaymentResponse,
  faultMessage,
  paymentDetailResponse,
  PayfipFault,
  readMessage,
  type CreatePaymentRequest,
  type PaymentDetail,
} from './payfip-protocol.js';

interface SandboxOperation {
  request: CreatePaymentRequest;
  createdAt: Date;
  expiresAt: Date;
  result: { resultrans: 'P' | 'A' | 'R'; montant: string; at: Date; numauto: string } | null;
}

const VALIDITY_MS = 15 * 60_000;
/** Under /api so that the portal's page fallback leaves it alone (outside /api/v1: not Ardoise's API). */
export const PAYFIP_SANDBOX_PATH = '/api/payfip-sandbox';
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const two = (n: number) => String(n).padStart(2, '0');

/**
 * A test-mode PayFIP (never real money): the same SOAP web service, an operation valid 15
 * minutes and usable once, and a payment page where the tester picks "payé", "refusé" or
 * "abandonné" (and may lose the notification, or debit another amount, to try the repair
 * job and the anomaly check). Mounted under /api/payfip-sandbox by Ardoise when no PayFIP
 * endpoint is configured, or run alone by `ardoise payfip-sandbox`.
 */
export function payfipSandbox(clock: Clock): Router {
  const operations = new Map<string, SandboxOperation>();
  const router = express.Router();
  router.use(express.text({ type: ['text/xml', 'application/soap+xml'] }), express.urlencoded({ extended: false }));

  router.post('/ws', (req, res) => {
    res.type('text/xml; charset=utf-8');
    try {
      const { operation, content } = readMessage(String(req.body ?? ''));
      if (operation === 'creerPaiementSecurise') {
        const request = content as unknown as CreatePaymentRequest;
        if (!/^\d{6}$/.test(request.numcli ?? '')) throw new PayfipFault('P2', 'Identifiant de structure (numcli) invalide');
        if (!/^[1-9]\d{0,8}$/.test(request.montant ?? '')) throw new PayfipFault('P3', 'Montant invalide');
        if (!request.refdet || !request.urlnotif || !request.mel) throw new PayfipFault('P4', 'Paramètre obligatoire absent');
        const idOp = randomBytes(16).toString('hex');
        const now = clock.now();
        operations.set(idOp, { request, createdAt: now, expiresAt: new Date(now.getTime() + VALIDITY_MS), result: null });
        return res.send(createPaymentResponse(idOp));
      }
      if (operation === 'recupererDetailPaiementSecurise') {
        const op = operations.get(content.idOp);
        if (!op) throw new PayfipFault('P1', 'Opération inconnue');
        if (!op.result) throw new PayfipFault('P5', 'Résultat de la transaction non connu');
        const at = op.result.at;
        const detail: PaymentDetail = {
          idOp: content.idOp,
          numcli: op.request.numcli,
          exer: op.request.exer,
          refdet: op.request.refdet,
          objet: op.request.objet,
          montant: op.result.montant,
          mel: op.request.mel,
          saisie: op.request.saisie,
          resultrans: op.result.resultrans,
          numauto: op.result.numauto,
          dattrans: `${two(at.getUTCDate())}${two(at.getUTCMonth() + 1)}${at.getUTCFullYear()}`,
          heurtrans: `${two(at.getUTCHours())}${two(at.getUTCMinutes())}`,
        };
        return res.send(paymentDetailResponse(detail));
      }
      throw new PayfipFault('P0', `Opération ${operation} inconnue`);
    } catch (error) {
      const fault = error instanceof PayfipFault ? error : new PayfipFault('P0', 'Erreur technique');
      return res.status(500).send(faultMessage(fault));
    }
  });

  router.get('/paiement', (req, res) => {
    const idOp = typeof req.query.idop === 'string' ? req.query.idop : '';
    const op = operations.get(idOp);
    res.type('text/html; charset=utf-8');
    if (!op) return res.status(404).send(page('Opération inconnue', '<p>Ce lien de paiement n’existe pas.</p>'));
    if (op.result) return res.status(410).send(page('Opération déjà utilisée', '<p>Ce lien de paiement a déjà servi.</p>'));
    if (clock.now() > op.expiresAt)
      return res.status(410).send(page('Opération expirée', '<p>Ce lien de paiement a expiré (15 minutes). Recommencez depuis le portail.</p>'));
    const euros = (Number(op.request.montant) / 100).toFixed(2).replace('.', ',');
    return res.send(
      page(
        'PayFIP — mode test',
        `<p><strong>Paiement de test : aucune somme n’est débitée.</strong></p>
         <p>Structure ${escape(op.request.numcli)} — référence ${escape(op.request.refdet)} — ${escape(op.request.objet)}</p>
         <p>Montant : <strong>${euros} €</strong></p>
         <form method="post" action="paiement">
           <input type="hidden" name="idop" value="${escape(idOp)}">
           <fieldset><legend>Résultat à simuler</legend>
             <label><input type="radio" name="resultat" value="P" checked> Paiement accepté</label><br>
             <label><input type="radio" name="resultat" value="R"> Paiement refusé</label><br>
             <label><input type="radio" name="resultat" value="A"> Paiement abandonné</label>
           </fieldset>
           <p><label><input type="checkbox" name="perdre" value="oui"> Perdre la notification (pour tester la reprise)</label></p>
           <p><label>Montant débité en centimes (test d’écart) <input name="montant" value="${escape(op.request.montant)}" inputmode="numeric"></label></p>
           <button type="submit">Valider</button>
         </form>`,
      ),
    );
  });

  router.post('/paiement', async (req, res) => {
    const idOp = String(req.body.idop ?? '');
    const op = operations.get(idOp);
    res.type('text/html; charset=utf-8');
    if (!op) return res.status(404).send(page('Opération inconnue', ''));
    if (op.result) return res.status(410).send(page('Opération déjà utilisée', ''));
    if (clock.now() > op.expiresAt) return res.status(410).send(page('Opération expirée', ''));
    const resultrans = (['P', 'R', 'A'].includes(req.body.resultat) ? req.body.resultat : 'A') as 'P' | 'R' | 'A';
    const montant = /^\d{1,9}$/.test(req.body.montant ?? '') ? req.body.montant : op.request.montant;
    op.result = { resultrans, montant, at: clock.now(), numauto: resultrans === 'P' ? randomBytes(3).toString('hex').toUpperCase() : '' };
    if (req.body.perdre !== 'oui') {
      await fetch(op.request.urlnotif, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `idOp=${idOp}` }).catch(
        () => undefined,
      );
    }
    const back = new URL(op.request.urlredirect);
    back.searchParams.set('idOp', idOp);
    return res.redirect(303, back.toString());
  });

  return router;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}
