/** Paying in the chat: a center's payment setting, invoices, the pre-checkout check and payments received. */
import { bindUseCases } from '../bind.ts';
import type { Ctx } from '../context.ts';
import { checkPaymentRequest } from './check-payment-request.ts';
import { getPaymentOption } from './get-payment-option.ts';
import { listPaymentSettings } from './list-payment-settings.ts';
import { openPaymentRequest } from './open-payment-request.ts';
import { recordChatPayment } from './record-chat-payment.ts';
import { setPaymentSetting } from './set-payment-setting.ts';

export { checkPaymentRequestInput } from './check-payment-request.ts';
export { getPaymentOptionInput, type PaymentOption } from './get-payment-option.ts';
export { listPaymentSettingsInput, type CenterPaymentSetting, type PaymentSettingState } from './list-payment-settings.ts';
export { openPaymentRequestInput, type PaymentInvoice } from './open-payment-request.ts';
export { recordChatPaymentInput, type ChatPaymentResult } from './record-chat-payment.ts';
export { setPaymentSettingInput, type PaymentSettingView } from './set-payment-setting.ts';

export function paymentsUseCases(ctx: Ctx) {
  return bindUseCases(ctx, {
    setPaymentSetting,
    getPaymentOption,
    listPaymentSettings,
    openPaymentRequest,
    checkPaymentRequest,
    recordChatPayment,
  });
}
