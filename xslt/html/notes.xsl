<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe HTML module: notes (numbering functions in common.xsl).

  In the text each note becomes a numbered call that opens the note in place,
  with no JavaScript (the HTML popover attribute):
      <button type="button" class="note-call" id="call-K" popovertarget="pop-K"
              aria-label="Note N"><sup>N</sup></button>
  The popovers follow the record (template note-popovers):
      <div popover="" id="pop-K" class="note-pop" role="note" aria-label="Note N">
        head (label + close button), the note text, a link to the list entry </div>
  and the notes are listed at the end of <main> (template endnotes):
      <section class="notes"><h2>Notes</h2><ol><li id="note-K">N. text <a href="#call-K">↩</a>
  N (the visible number) is ts:note-label, K (the id key) ts:note-key: ids
  never collide. A browser without popovers hides them (edition.css); there
  edition.js makes the call jump to the list entry.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="note">
    <xsl:variable name="key" select="ts:note-key(.)"/>
    <button type="button" class="note-call" id="call-{$key}" popovertarget="pop-{$key}"
        aria-label="Note {ts:note-label(.)}"><sup><xsl:value-of select="ts:note-label(.)"/></sup></button>
  </xsl:template>

  <!-- One popover per note of the document, in a container after the record. -->
  <xsl:template name="note-popovers">
    <xsl:variable name="notes" select="/TEI/text//note"/>
    <xsl:if test="$notes">
      <div class="note-popovers">
        <xsl:apply-templates select="$notes" mode="popover"/>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="note" mode="popover">
    <xsl:variable name="key" select="ts:note-key(.)"/>
    <xsl:variable name="label" select="ts:note-label(.)"/>
    <div popover="" id="pop-{$key}" class="note-pop" role="note" aria-label="Note {$label}">
      <p class="note-pop-head">
        <span class="note-pop-label">Note <xsl:value-of select="$label"/></span>
        <xsl:text> </xsl:text>
        <button type="button" class="note-close" popovertarget="pop-{$key}" popovertargetaction="hide"
            aria-label="Close note {$label}">×</button>
      </p>
      <xsl:call-template name="note-body"/>
      <p class="note-pop-foot"><a href="#note-{$key}">Note <xsl:value-of select="$label"/> in the list of notes</a></p>
    </div>
  </xsl:template>

  <!-- The note text as blocks: its own <p>s, else one <p>. -->
  <xsl:template name="note-body">
    <xsl:choose>
      <xsl:when test="p"><xsl:apply-templates/></xsl:when>
      <xsl:otherwise><p><xsl:apply-templates/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="endnotes">
    <xsl:variable name="notes" select="/TEI/text//note"/>
    <xsl:if test="$notes">
      <section class="notes" role="doc-endnotes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <ol class="notes-list">
          <xsl:apply-templates select="$notes" mode="endnote"/>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="note" mode="endnote">
    <xsl:variable name="key" select="ts:note-key(.)"/>
    <li id="note-{$key}">
      <span class="note-label"><xsl:value-of select="ts:note-label(.)"/>.</span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
      <xsl:text> </xsl:text>
      <a class="back-link" href="#call-{$key}" role="doc-backlink"
          aria-label="Back to the call of note {ts:note-label(.)}">↩</a>
    </li>
  </xsl:template>

</xsl:stylesheet>
