<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe HTML module: helpers shared by every page (document, index,
  persons, search index). No template rules, no modes, no parameters.

  Every function works on a TEI document that is the whole input (one
  document page) or one of many TEI elements inside the site collection
  (site.xsl: /s:site/s:doc/TEI): "the document" of a node is its nearest
  TEI ancestor-or-self (ts:tei), and keys are looked up below it.

    ts:tei($node)            the TEI element of $node's document
    ts:token($s)             a CSS-class-safe token
    ts:title($node)          main title;  ts:short-title / ts:shorten: running head
    ts:sp-number($sp)        "N": position of the turn among the document's sp
    ts:sp-anchor($sp)        the turn's id: its xml:id, else "sp-N"
    ts:speaker-name($sp)     display name of the speaker(s)
    ts:person($node, $id)    the person with xml:id $id in $node's document
    ts:role-labels(@role)    readable roles of a person ("speaker", "present"...)
    ts:note-label / ts:note-key / ts:note-position: numbering of notes
    ts:plain-text($el)       the text of $el without notes and speaker labels
    ts:snippet($el, $n)      its first $n words (with "…" when cut)
    ts:search-terms($s)      the words of $s as search terms (lower case, no accents)
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:key name="person" match="person" use="@xml:id"/>
  <xsl:key name="language" match="language" use="@ident"/>

  <xsl:function name="ts:tei" as="element(TEI)?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="($node/ancestor-or-self::TEI[1], $node/TEI)[1]"/>
  </xsl:function>

  <!-- A CSS-class-safe token: lower case, runs of other characters -> '-'. -->
  <xsl:function name="ts:token" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="replace(replace(lower-case(string($s)), '[^a-z0-9_-]+', '-'), '^-+|-+$', '')"/>
  </xsl:function>

  <!-- The main title of the document. -->
  <xsl:function name="ts:title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="ts" select="ts:tei($doc)/teiHeader/fileDesc/titleStmt/title"/>
    <xsl:sequence select="normalize-space(($ts[@type = 'main'], $ts)[1])"/>
  </xsl:function>

  <!-- The short title (running head): title[@type='short'], else ts:shorten(main title). -->
  <xsl:function name="ts:short-title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="short" select="ts:tei($doc)/teiHeader/fileDesc/titleStmt/title[@type = 'short'][normalize-space()]"/>
    <xsl:sequence select="if ($short) then normalize-space($short[1]) else ts:shorten(ts:title($doc))"/>
  </xsl:function>

  <!-- Longest length (characters) of a one-line running head. -->
  <xsl:variable name="ts:short-max" as="xs:integer" select="60"/>

  <!-- A title of at most $ts:short-max characters: a longer one is cut before
       its first comma, then (still too long) before " between ", then at the
       last whole word with an ellipsis. A cut that would leave nothing is skipped. -->
  <xsl:function name="ts:shorten" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="t" select="normalize-space($title)"/>
    <xsl:variable name="to-comma" select="if (string-length($t) gt $ts:short-max
        and normalize-space(substring-before($t, ','))) then normalize-space(substring-before($t, ',')) else $t"/>
    <xsl:variable name="to-between" select="if (string-length($to-comma) gt $ts:short-max
        and normalize-space(substring-before($to-comma, ' between ')))
        then normalize-space(substring-before($to-comma, ' between ')) else $to-comma"/>
    <!-- One character more than fits: a word ending at the limit is kept whole. -->
    <xsl:variable name="cut" select="substring($to-between, 1, $ts:short-max + 1)"/>
    <xsl:variable name="words" select="if (matches($cut, '[\s,;:]')) then replace($cut, '[\s,;:]+\S*$', '') else ''"/>
    <xsl:sequence select="if (string-length($to-between) le $ts:short-max) then $to-between
        else (if ($words) then $words else substring($to-between, 1, $ts:short-max - 1)) || '…'"/>
  </xsl:function>

  <!-- ===== turns ===== -->

  <!-- "N": N counts every sp of the document in order, so ids are stable per edition. -->
  <xsl:function name="ts:sp-number" as="xs:string">
    <xsl:param name="sp" as="element(sp)"/>
    <xsl:number select="$sp" level="any" count="sp" from="TEI"/>
  </xsl:function>

  <!-- The turn's anchor: its xml:id when the TEI gives one, else "sp-N". -->
  <xsl:function name="ts:sp-anchor" as="xs:string">
    <xsl:param name="sp" as="element(sp)"/>
    <xsl:sequence select="(string($sp/@xml:id)[.], 'sp-' || ts:sp-number($sp))[1]"/>
  </xsl:function>

  <xsl:function name="ts:person" as="element(person)?">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="key('person', $id, ts:tei($node))[1]"/>
  </xsl:function>

  <!-- The ids of sp/@who without '#'. -->
  <xsl:function name="ts:who" as="xs:string*">
    <xsl:param name="sp" as="element(sp)"/>
    <xsl:sequence select="tokenize($sp/@who) ! replace(., '^#', '')"/>
  </xsl:function>

  <!-- Display name of the speaker(s): <speaker>, else persName of @who. -->
  <xsl:function name="ts:speaker-name" as="xs:string">
    <xsl:param name="sp" as="element(sp)"/>
    <xsl:sequence select="if ($sp/speaker) then normalize-space(string-join($sp/speaker, ' '))
        else string-join(ts:who($sp) ! normalize-space((ts:person($sp, .)/persName, .)[1]), ', ')"/>
  </xsl:function>

  <!-- Display name of a person: its first persName, else its text. -->
  <xsl:function name="ts:person-name" as="xs:string">
    <xsl:param name="person" as="element(person)"/>
    <xsl:sequence select="normalize-space(($person/persName, $person)[1])"/>
  </xsl:function>

  <!-- Readable labels for the tokens of person/@role, in order, without repeats:
       participant -> "present"; camelCase and hyphenated values -> spaced words. -->
  <xsl:function name="ts:role-labels" as="xs:string*">
    <xsl:param name="role" as="attribute()?"/>
    <xsl:sequence select="distinct-values(tokenize(normalize-space($role)) ! ts:role-label(.))"/>
  </xsl:function>

  <xsl:function name="ts:role-label" as="xs:string">
    <xsl:param name="token" as="xs:string"/>
    <xsl:variable name="known" select="map {
        'participant': 'present', 'present': 'present', 'speaker': 'speaker',
        'recorder': 'recorder', 'noteTaker': 'recorder', 'interpreter': 'interpreter',
        'translator': 'interpreter', 'chair': 'chair' }"/>
    <xsl:sequence select="($known($token),
        lower-case(normalize-space(replace(replace($token, '([a-z])([A-Z])', '$1 $2'), '[-_.]+', ' '))))[1]"/>
  </xsl:function>

  <!-- ===== notes ===== -->

  <xsl:function name="ts:note-position" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <xsl:number select="$note" level="any" count="text//note" from="text"/>
  </xsl:function>

  <!-- The visible number: @n, else the note's position among the notes of <text>. -->
  <xsl:function name="ts:note-label" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <xsl:sequence select="if (normalize-space($note/@n)) then normalize-space($note/@n)
                          else ts:note-position($note)"/>
  </xsl:function>

  <!-- The id key: the label when it is unique in the document, else "p" + position. -->
  <xsl:function name="ts:note-key" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <xsl:variable name="label" select="ts:note-label($note)"/>
    <xsl:variable name="same" select="ts:tei($note)/text//note[normalize-space(@n) = $label]"/>
    <xsl:sequence select="if (count($same) le 1 and matches($label, '^[\w.-]+$')) then $label
                          else 'p' || ts:note-position($note)"/>
  </xsl:function>

  <!-- ===== search ===== -->

  <!-- The running text of $el, one line: notes inside it and speaker labels left out;
       a correction (choice/corr) is a word apart from the source's reading. -->
  <xsl:function name="ts:plain-text" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($el//text()[not((ancestor::note except $el) | ancestor::speaker)]
        ! (if (parent::corr[parent::choice] and not(preceding-sibling::node())) then ' ' || . else string(.))))"/>
  </xsl:function>

  <xsl:function name="ts:snippet" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:variable name="words" select="tokenize(ts:plain-text($el))"/>
    <xsl:sequence select="string-join(subsequence($words, 1, $n), ' ') || ('…'[count($words) gt $n])"/>
  </xsl:function>

  <!-- Search terms of $s: decomposed, accents dropped, lower case, split at
       anything that is not a letter or digit. edition.js does the same. -->
  <xsl:function name="ts:search-terms" as="xs:string*">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="tokenize(lower-case(replace(normalize-unicode(string($s), 'NFKD'), '\p{Mn}', '')),
                          '[^\p{L}\p{N}]+')[.]"/>
  </xsl:function>

</xsl:stylesheet>
